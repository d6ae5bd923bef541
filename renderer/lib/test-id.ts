// antd's prop types leave out data-* attributes: this typed spread adds a test id without asserting the object's type.
export const testId = (id: string): Record<`data-${string}`, string> => ({ 'data-testid': id });
