/** helmPath returns the path of a working helm binary, extracting it on first use. */
export declare function helmPath(): Promise<string>;
