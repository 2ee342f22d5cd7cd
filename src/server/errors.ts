/**
 * The service's errors: a status, a code and a message in Vietnamese and
 * English, with the problems of the data when there are some. Plain data
 * (ErrorData) where they cross from a worker thread.
 */
import type { Problem } from '../model/problems.js';

export interface ErrorData {
  status: number;
  code: string;
  vi: string;
  en: string;
  problems?: Problem[];
}

/** An error answered with its status and a message in Vietnamese and English. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly vi: string,
    readonly en: string,
    readonly problems?: Problem[],
  ) {
    super(en);
  }

  static of(e: ErrorData): HttpError {
    return new HttpError(e.status, e.code, e.vi, e.en, e.problems);
  }
}

export const unprocessable = (problems: Problem[]): ErrorData => ({
  status: 422,
  code: 'INVALID_DATA',
  vi: 'dữ liệu có lỗi',
  en: 'the data has problems',
  problems,
});

/** A body that is no JSON (its problems at their lines and columns, when it was read as JSON). */
export const badJson = (problems?: Problem[]): ErrorData => ({
  status: 400,
  code: 'BAD_REQUEST',
  vi: 'yêu cầu không hợp lệ (JSON sai cú pháp?)',
  en: 'bad request (malformed JSON?)',
  ...(problems ? { problems } : {}),
});

/** A YAML body that is no YAML, or past the input limits (its problems at their lines, or fields). */
export const badYaml = (problems: Problem[]): ErrorData => ({
  status: 400,
  code: 'BAD_REQUEST',
  vi: 'dữ liệu YAML không đọc được hoặc vượt giới hạn',
  en: 'the YAML cannot be read, or is past the input limits',
  problems,
});

/** A body sent as a workbook that is none, or not a campaign's. */
export const badWorkbook = (problems: Problem[]): ErrorData => ({
  status: 400,
  code: 'BAD_REQUEST',
  vi: 'tệp Excel không đọc được, hoặc không phải tệp đợt thi đua',
  en: 'the workbook cannot be read, or is not a campaign workbook',
  problems,
});

/** A body past the input limits (README): refused before it is checked further. */
export const beyondLimits = (problems: Problem[]): ErrorData => ({
  status: 400,
  code: 'LIMIT_EXCEEDED',
  vi: 'dữ liệu vượt quá giới hạn cho phép',
  en: 'the data is past the input limits',
  problems,
});

export function errorBody(e: ErrorData) {
  const error = { status: e.status, code: e.code, message_vi: e.vi, message_en: e.en };
  return e.problems ? { error, problems: e.problems } : { error };
}

/** A request Node's HTTP parser refused, by its error code: headers (or the URL in them) too large, too slow, or malformed. */
export function clientError(code: string | undefined): ErrorData {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, code: 'HEADERS_TOO_LARGE', vi: 'phần đầu yêu cầu (hoặc địa chỉ URL) quá dài', en: 'the request headers (or the URL) are too large' };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, code: 'REQUEST_TIMEOUT', vi: 'yêu cầu gửi đến quá chậm', en: 'the request took too long to arrive' };
  }
  return { status: 400, code: 'MALFORMED_REQUEST', vi: 'yêu cầu HTTP sai cú pháp', en: 'a malformed HTTP request' };
}
