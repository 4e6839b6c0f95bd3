/** `calls.csv` → `calls-problems.txt`: named after the file the problems are about. */
export const problemsFileName = (fileName: string): string =>
  `${fileName.replace(/\.[^./\\]+$/, '') || 'import'}-problems.txt`
