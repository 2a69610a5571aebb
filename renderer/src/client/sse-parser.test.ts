import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('parses named events with JSON data', () => {
    const parser = new SseParser();
    const messages = parser.push('event: job.updated\ndata: {"id":"j1"}\n\n');
    expect(messages).toEqual([{ event: 'job.updated', data: '{"id":"j1"}' }]);
  });

  it('handles messages split across arbitrary chunks', () => {
    const parser = new SseParser();
    const text = 'event: backups.changed\ndata: {"endpointId":"e1"}\n\nevent: endpoints.changed\ndata: {}\n\n';
    const messages = [...text].flatMap((char) => parser.push(char));
    expect(messages).toEqual([
      { event: 'backups.changed', data: '{"endpointId":"e1"}' },
      { event: 'endpoints.changed', data: '{}' },
    ]);
  });

  it('accepts CRLF and CR line endings, including CRLF split between chunks', () => {
    const parser = new SseParser();
    expect(parser.push('event: a\r\ndata: 1\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual([{ event: 'a', data: '1' }]);
    expect(parser.push('data: 2\r\r')).toEqual([{ event: 'message', data: '2' }]);
  });

  it('joins multi-line data, ignores comments and unknown fields, keeps the id', () => {
    const parser = new SseParser();
    const messages = parser.push(': keep-alive\nid: 7\nretry: 100\nfoo: bar\ndata: line1\ndata:line2\n\n');
    expect(messages).toEqual([{ event: 'message', data: 'line1\nline2', id: '7' }]);
  });

  it('does not dispatch a message without data and resets the event name', () => {
    const parser = new SseParser();
    expect(parser.push('event: orphan\n\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('keeps an unterminated message until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: vault.changed\ndata: {"a":1}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'vault.changed', data: '{"a":1}' }]);
  });
});
