/**
 * A task's status (the same numbers as @lit/task's), as `TaskStatus` from task.ts. Separate constants
 * rather than one object, so the build writes the numbers where they are read (in both chunks).
 */
export const INITIAL = 0;
export const PENDING = 1;
export const COMPLETE = 2;
export const ERROR = 3;
