import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Staff } from '@/lib/staff/server/session';
import zhCN from '@/messages/zh-CN.json';
import { makeTempDir } from '@/test-support/keys';

/**
 * The roster upload route as a request reaches it: a refused caller (nobody, another site, another
 * school's admin) and a body too large are answered without the body being read. The body here
 * is a stream that counts what is taken from it. The session is set by the test; the store is the
 * app's own (getStore), on a SQLite file of this test's.
 */
const session = vi.hoisted(() => ({ staff: null as Staff | null }));
vi.mock('@/lib/staff/server/session', () => ({
  currentStaff: async () => session.staff,
  clientIp: async () => '10.0.0.9',
}));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: 'zh-CN', messages: zhCN, namespace: namespace as never, timeZone: 'Asia/Shanghai' }),
}));

const dir = makeTempDir();
process.env.DATA_DIR = dir.path;
process.env.DATABASE_URL = '';

const { getStore } = await import('@/lib/server/db/database');
const { COMMAND_LINE } = await import('@/lib/schools/roles');
const { addSchool } = await import('@/lib/schools/server/school-service');
const { rosterSize } = await import('./roster-store');
const { MAX_UPLOAD_BYTES, uploadRoster } = await import('./roster-upload');

const headOf = (school: string): Staff => ({
  userId: `u-${school}`,
  username: `head-${school}`,
  role: 'school_admin',
  schools: [school],
  sessionId: `s-${school}`,
});

const FILE = '学生姓名,openid,手机号\n李小明,o_father,138 1234 5678\n\n李小明,o_mother,\n';

/** A multipart body of the roster file, streamed in chunks; `read` counts the bytes taken. */
function counted(chunks: readonly Uint8Array[]) {
  const read = { bytes: 0 };
  let next = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[next++];
        if (!chunk) return controller.close();
        read.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
      // Nothing is taken before the reader asks.
    },
    { highWaterMark: 0 },
  );
  return { stream, read };
}

async function formBody(text: string) {
  const form = new FormData();
  form.set('file', new File([text], '名册.csv', { type: 'text/csv' }));
  const encoded = new Response(form);
  return {
    bytes: new Uint8Array(await encoded.arrayBuffer()),
    type: encoded.headers.get('content-type') ?? '',
  };
}

async function post(
  query: string,
  chunks: readonly Uint8Array[],
  headers: Record<string, string>,
): Promise<{ status: number; json: Record<string, unknown>; read: number }> {
  const { stream, read } = counted(chunks);
  const request = new Request(`http://dashboard.test/admin/roster/upload?${query}`, {
    method: 'POST',
    body: stream,
    headers,
    duplex: 'half',
  } as RequestInit);
  const response = await uploadRoster(request);
  return { status: response.status, json: await response.json(), read: read.bytes };
}

describe('POST /admin/roster/upload', () => {
  let file: { bytes: Uint8Array; type: string };
  beforeAll(async () => {
    const store = await getStore();
    await addSchool(store, COMMAND_LINE, { key: 'north', name: '北校' });
    await addSchool(store, COMMAND_LINE, { key: 'south', name: '南校' });
    file = await formBody(FILE);
  });

  it('refuses nobody, another site and another school’s admin before reading a byte', async () => {
    const headers = { 'content-type': file.type, 'sec-fetch-site': 'same-origin' };
    session.staff = null;
    expect(await post('school=north&step=import', [file.bytes], headers)).toEqual({
      status: 401,
      json: { ok: false, error: '你不能管理这所学校的家长名册。' },
      read: 0,
    });
    session.staff = headOf('south');
    expect(await post('school=north&step=import', [file.bytes], headers)).toMatchObject({ status: 403, read: 0 });
    session.staff = headOf('north');
    const elsewhere = await post('school=north&step=import', [file.bytes], {
      ...headers,
      'sec-fetch-site': 'cross-site',
    });
    expect(elsewhere).toMatchObject({ status: 403, read: 0 });
    expect(elsewhere.json.error).toMatch(/其他网站/);
    session.staff = { ...headOf('north'), role: 'staff' };
    expect(await post('school=north&step=import', [file.bytes], headers)).toMatchObject({ status: 403, read: 0 });
    expect(await rosterSize((await getStore()).db, 'north')).toBe(0);
  });

  it('refuses a body said to be too large at once, and stops reading one that turns out so', async () => {
    session.staff = headOf('north');
    const headers = { 'content-type': file.type };
    const said = await post('school=north&step=preview', [file.bytes], {
      ...headers,
      'content-length': String(MAX_UPLOAD_BYTES + 1),
    });
    expect(said).toEqual({ status: 413, json: { ok: false, error: '文件：文件超过 10 MB。' }, read: 0 });

    const chunk = new Uint8Array(1024 * 1024);
    const chunks = Array.from({ length: 20 }, () => chunk);
    const streamed = await post('school=north&step=preview', chunks, headers);
    expect(streamed.status).toBe(413);
    expect(streamed.read).toBeLessThanOrEqual(MAX_UPLOAD_BYTES + chunk.byteLength);
  });

  it('refuses what is no upload, and previews then imports a file, by its own lines', async () => {
    session.staff = headOf('north');
    expect(await post('school=north&step=both', [file.bytes], { 'content-type': file.type })).toMatchObject({
      status: 400,
      read: 0,
    });
    const text = await post('school=north&step=preview', [new TextEncoder().encode(FILE)], {
      'content-type': 'multipart/form-data; boundary=x',
    });
    expect(text).toMatchObject({ status: 400, json: { ok: false, error: '请求中没有名册文件，名册没有改变。' } });

    const preview = await post('school=north&step=preview', [file.bytes], { 'content-type': file.type });
    expect(preview).toMatchObject({ status: 200, json: { ok: true, fileName: '名册.csv', rows: 2, problems: [] } });
    expect((preview.json.sample as { openid: string }[]).map((row) => row.openid)).toEqual(['o_father', 'o_mother']);
    expect(await rosterSize((await getStore()).db, 'north')).toBe(0);

    const imported = await post('school=north&step=import', [file.bytes], { 'content-type': file.type });
    expect(imported).toEqual({
      status: 200,
      json: { ok: true, message: '已导入 2 行。' },
      read: file.bytes.byteLength,
    });
    const { db } = await getStore();
    const rows = await db
      .selectFrom('roster_entry')
      .select(['line', 'openid'])
      .where('school_key', '=', 'north')
      .execute();
    expect(rows.map((row) => [row.line, row.openid])).toEqual([
      [2, 'o_father'],
      [4, 'o_mother'],
    ]);
  });
});
