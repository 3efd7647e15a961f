import { isPhotoIn, photoTypeOf, storagePathOf } from '../../src/domain/photo-files';

const folder = 'photos/0123456789abcdef';

describe('a file id names a path in storage', () => {
  test.each`
    fileId                                               | path
    ${'cloud://env-1a.6c69-env-1a-13000/photos/k/a.jpg'} | ${'photos/k/a.jpg'}
    ${'local-files/photos/k/a.png'}                      | ${'photos/k/a.png'}
    ${'https://example.com/photos/k/a.jpg'}              | ${null}
    ${'cloud://env-only'}                                | ${null}
  `('$fileId → $path', ({ fileId, path }: { fileId: string; path: string | null }) => {
    expect(storagePathOf(fileId)).toBe(path);
  });
});

describe('an opinion carries only photos from its submitter’s own folder', () => {
  test.each`
    fileId                                                | allowed  | why
    ${`cloud://env.bucket/${folder}/lk2x9a.jpg`}          | ${true}  | ${'own folder, CloudBase'}
    ${`local-files/${folder}/${'a'.repeat(64)}.webp`}     | ${true}  | ${'own folder, local store'}
    ${'cloud://env.bucket/photos/fedcba9876543210/a.jpg'} | ${false} | ${'another voter’s folder'}
    ${`cloud://env.bucket/${folder}0/a.jpg`}              | ${false} | ${'a folder that only starts the same'}
    ${`cloud://env.bucket/${folder}/sub/a.jpg`}           | ${false} | ${'a folder inside it'}
    ${`cloud://env.bucket/${folder}/../reports/x.jpg`}    | ${false} | ${'a way out of it'}
    ${'cloud://env.bucket/reports/9f3a/opinions.xlsx'}    | ${false} | ${'a generated report'}
    ${`cloud://env.bucket/${folder}/notes.xlsx`}          | ${false} | ${'not an image'}
    ${`cloud://env.bucket/opinions/a.jpg`}                | ${false} | ${'the old shared folder'}
  `('$why: $allowed', ({ fileId, allowed }: { fileId: string; allowed: boolean }) => {
    expect(isPhotoIn(fileId, folder)).toBe(allowed);
  });
});

describe('what an upload is comes from its bytes', () => {
  const bytes = (...values: number[]) => Uint8Array.from([...values, 0, 0, 0, 0]);
  test.each`
    kind               | data                                                                     | type
    ${'JPEG'}          | ${bytes(0xff, 0xd8, 0xff, 0xe0)}                                         | ${'jpg'}
    ${'PNG'}           | ${bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)}                 | ${'png'}
    ${'WebP'}          | ${bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50)}     | ${'webp'}
    ${'RIFF but WAVE'} | ${bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45)}     | ${null}
    ${'HTML'}          | ${new TextEncoder().encode('<html><script>alert(1)</script>')}           | ${null}
    ${'SVG'}           | ${new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')} | ${null}
    ${'a cut PNG'}     | ${Uint8Array.from([0x89, 0x50, 0x4e])}                                   | ${null}
    ${'nothing'}       | ${new Uint8Array()}                                                      | ${null}
  `('$kind → $type', ({ data, type }: { data: Uint8Array; type: string | null }) => {
    expect(photoTypeOf(data)).toBe(type);
  });
});
