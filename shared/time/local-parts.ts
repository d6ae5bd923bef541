// A moment's local calendar and clock fields, zero-padded: the one place file names and screens spell local time.
const pad = (n: number) => String(n).padStart(2, '0');

export interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

export function localParts(d: Date): LocalParts {
  return {
    year: String(d.getFullYear()),
    month: pad(d.getMonth() + 1),
    day: pad(d.getDate()),
    hour: pad(d.getHours()),
    minute: pad(d.getMinutes()),
    second: pad(d.getSeconds()),
  };
}
