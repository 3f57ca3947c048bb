/** One exit code per kind of outcome; CI scripts rely on these (DESIGN §2). */
export enum ExitCode {
  Ok = 0,
  Failed = 1,
  Invalid = 2,
  Internal = 3,
  Interrupted = 130,
}
