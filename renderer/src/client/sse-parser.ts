export interface SseMessage {
  event: string;
  data: string;
  id?: string;
}

/**
 * Incremental text/event-stream parser (WHATWG rules that matter here): lines end in LF, CRLF
 * or CR (also split across chunks), `:` lines are comments, `data:` lines join with "\n",
 * a blank line dispatches, and a message without data is not dispatched.
 */
export class SseParser {
  private buffer = '';
  private skipLeadingLineFeed = false;
  private eventName = '';
  private dataLines: string[] = [];
  private lastEventId: string | undefined;

  push(chunk: string): SseMessage[] {
    const messages: SseMessage[] = [];
    let text = chunk;
    if (this.skipLeadingLineFeed && text.startsWith('\n')) text = text.slice(1);
    this.skipLeadingLineFeed = false;
    this.buffer += text;

    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const char = this.buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (char === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.skipLeadingLineFeed = true;
        }
      }
      start = i + 1;
      const message = this.processLine(line);
      if (message) messages.push(message);
    }
    this.buffer = this.buffer.slice(start);
    return messages;
  }

  private processLine(line: string): SseMessage | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventName = value;
    else if (field === 'data') this.dataLines.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
    return undefined;
  }

  private dispatch(): SseMessage | undefined {
    const event = this.eventName || 'message';
    const hasData = this.dataLines.length > 0;
    const data = this.dataLines.join('\n');
    this.eventName = '';
    this.dataLines = [];
    if (!hasData) return undefined;
    return this.lastEventId === undefined ? { event, data } : { event, data, id: this.lastEventId };
  }
}
