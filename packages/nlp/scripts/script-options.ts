// The measurement scripts' command-line options (`--name=value`, bare `--name` flags, plain arguments),
// read one way here so that a script's options are not each parsed by hand; a number option that is
// given but is not a number stops the script instead of running it on NaN.

const args = process.argv.slice(2);

/** The value of `--name=value` (its first occurrence), undefined when absent. */
export const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** Every value given as `--name=value`, in order. */
export const options = (name: string): string[] => args.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));

/** `--name=N` read with Number(), the fallback when absent; throws when the value is not a finite number. */
export const numberOption = (name: string, fallback: number): number => {
  const value = option(name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name}=${value}: not a number`);
  return n;
};

/** `--name=N,M,…` read as numbers, the fallback when absent; throws when one of them is not a finite number. */
export const numberListOption = (name: string, fallback: number[]): number[] => {
  const value = option(name);
  if (value === undefined) return fallback;
  const list = value.split(',').map(Number);
  if (!list.every(Number.isFinite)) throw new Error(`--${name}=${value}: not a comma-separated list of numbers`);
  return list;
};

/** Whether the bare flag `--name` is given. */
export const flag = (name: string): boolean => args.includes(`--${name}`);

/** The arguments that are not options (not starting with `--`), in order. */
export const positional = (): string[] => args.filter((a) => !a.startsWith('--'));
