// One file an export hands to the user: its name, its content, its type.
export interface FileToSave {
  name: string;
  bytes: Uint8Array | string;
  mime?: string;
}
