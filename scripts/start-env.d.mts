export type Target = 'chromium' | 'firefox';
export type Env = Record<string, string | undefined>;
export declare function isBrandedChrome(path: string): boolean;
export declare function pickBinary(target: Target, env: Env, exists: (path: string) => boolean): { binary?: string; error?: string };
export declare function noDisplayProblem(target: Target, env: Env, platform: string, extraArgs: readonly string[]): string | undefined;
export declare function webExtArgs(target: Target, binary: string | undefined, extraArgs: readonly string[], isRoot: boolean): string[];
export declare function splitArgs(value: string | undefined): string[];
