/** Exit statuses of the contract (cli-contract.md): 3 is "nothing fails, but data is missing". */
export const EXIT = { ok: 0, failures: 1, invalidInput: 2, missingData: 3 } as const;
