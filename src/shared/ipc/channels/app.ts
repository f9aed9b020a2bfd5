// Channels of the app itself: version and host information, menu commands pushed to the UI.
import { v } from '../check';

/** Where the UI is running: inside Electron, or in a browser talking to the local server. */
export type AppShell = 'electron' | 'server';

export interface AppInfo {
  name: string;
  version: string;
  shell: AppShell;
  platform: string;
  versions: { node: string; electron: string | null; chrome: string | null };
}

/** What a native menu item (or a keyboard accelerator) asks the UI to do. */
export const MENU_COMMANDS = ['new', 'open', 'save', 'saveAs', 'toggleTheme', 'language', 'view'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const appInvoke = {
  'app:info': { arg: v.none(), result: v.returns<AppInfo>() },
};

export const appEvents = {
  /** `value` carries the language code for 'language' and the view id for 'view'. */
  'app:menu': {
    payload: v.object({
      command: v.literal(...MENU_COMMANDS),
      value: v.optional(v.string({ maxLength: 40 })),
    }),
  },
};
