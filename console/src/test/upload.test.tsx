import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UploadForm } from '../artifacts/UploadForm';
import { renderSignedIn } from './signedIn';

/** The XMLHttpRequest the form opened last, driven by the test. */
class FakeXhr {
  static last: FakeXhr;
  upload: { onprogress?: (e: { loaded: number; total: number; lengthComputable: boolean }) => void } = {};
  onload?: () => void;
  onerror?: () => void;
  onabort?: () => void;
  status = 0;
  responseText = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  constructor() {
    FakeXhr.last = this;
  }
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  answer(status: number, body: object) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function startUpload() {
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  renderSignedIn(<UploadForm onUploaded={() => undefined} />, ['operator']);
  const file = new File(['x'.repeat(1000)], 'win11.wim', { type: 'application/octet-stream' });
  fireEvent.change(screen.getByLabelText('File'), { target: { files: [file] } });
  fireEvent.change(screen.getByLabelText('Version'), { target: { value: '23H2' } });
  fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
  await waitFor(() => expect(FakeXhr.last?.body).toBe(file));
  return FakeXhr.last;
}

describe('artifact upload', () => {
  it('streams the file with name and version as query parameters and shows its progress', async () => {
    const xhr = await startUpload();
    expect(xhr.url).toBe('/api/v1/artifacts?name=win11.wim&version=23H2');
    expect(xhr.headers['Content-Type']).toBe('application/octet-stream');
    expect(xhr.headers.Authorization).toMatch(/^Bearer /);
    xhr.upload.onprogress?.({ loaded: 250, total: 1000, lengthComputable: true });
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Upload progress' }).getAttribute('aria-valuenow')).toBe('25'));
    expect(screen.getByText('250 B of 1000 B sent')).toBeTruthy();
  });

  it('shows a refused upload readably', async () => {
    const xhr = await startUpload();
    xhr.answer(409, { title: 'Conflict', status: 409, code: 'conflict', detail: 'artifact win11.wim 23H2 already exists' });
    expect((await screen.findByRole('alert')).textContent).toBe('Conflict: artifact win11.wim 23H2 already exists');
    expect(screen.getByRole('button', { name: 'Upload' })).toBeTruthy();
  });
});
