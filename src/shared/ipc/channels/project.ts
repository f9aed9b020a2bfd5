// Channels for project files on the user's disk. The renderer parses and writes the text
// (src/shared/project/project-file.ts); the host only reads, writes and shows dialogs.
import { v } from '../check';

/** Project files are small JSON documents; anything larger is not one of ours. */
export const MAX_PROJECT_BYTES = 50 * 1024 * 1024;

export interface OpenedFile {
  /** Absolute path of the file on disk. */
  path: string;
  text: string;
}

export const projectInvoke = {
  /** Without `path`, the host shows an open dialog; null means the user cancelled. */
  'project:open': {
    arg: v.object({ path: v.optional(v.string({ nonEmpty: true, maxLength: 4096 })) }),
    result: v.returns<OpenedFile | null>(),
  },
  /** Without `path`, the host shows a save dialog starting at `suggestedName`; null means the user cancelled. */
  'project:save': {
    arg: v.object({
      path: v.optional(v.string({ nonEmpty: true, maxLength: 4096 })),
      suggestedName: v.optional(v.string({ maxLength: 255 })),
      text: v.string({ maxLength: MAX_PROJECT_BYTES }),
    }),
    result: v.returns<{ path: string; bytes: number } | null>(),
  },
};
