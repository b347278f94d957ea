import { ApiProblem } from '../../../api/problem.js';

/**
 * Reads an uploaded Open Referral UK file in the browser, so that the server receives the JSON
 * document itself. A file that is too big or is not JSON is refused here, with words about the file.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type FileRead = { ok: true; document: unknown } | { ok: false; problem: ApiProblem };

const fileProblem = (message: string): FileRead => ({ ok: false, problem: new ApiProblem(400, 'There is a problem', message, [{ field: 'feedFile', message }]) });

export function parseFeedText(text: string): FileRead {
  try {
    const document = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    if (typeof document !== 'object' || document === null) return fileProblem('The file must hold an Open Referral UK services list or service');
    return { ok: true, document };
  } catch {
    return fileProblem('The file is not JSON. Choose the .json file the feed gave you');
  }
}

export async function readFeedFile(file: File): Promise<FileRead> {
  if (file.size > MAX_FILE_BYTES) return fileProblem('The file must be smaller than 20 MB');
  const text = await new Promise<string | null>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : null);
    };
    reader.onerror = () => {
      resolve(null);
    };
    reader.readAsText(file);
  });
  if (text === null) return fileProblem('The file could not be read. Try choosing it again');
  return parseFeedText(text);
}
