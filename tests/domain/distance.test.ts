import { distanceMeters, formatDistance, sortByDistance } from '../../src/domain/distance';

const place = (id: string, latitude: number, longitude: number) => ({ id, location: { latitude, longitude } });

describe('distance ordering', () => {
  test('one thousandth of a degree of latitude is about 111 metres', () => {
    const d = distanceMeters({ latitude: 29.0, longitude: 121.0 }, { latitude: 29.001, longitude: 121.0 });
    expect(Math.round(d)).toBe(111);
  });

  test('nearest first, with each distance attached', () => {
    const origin = { latitude: 29.2, longitude: 121.9 };
    const sorted = sortByDistance(
      [place('far', 29.3, 121.9), place('near', 29.201, 121.9), place('mid', 29.22, 121.9)],
      origin,
    );
    expect(sorted.map((p) => p.id)).toEqual(['near', 'mid', 'far']);
    expect(sorted[0]?.distanceMeters).toBe(111);
  });

  test('equal distances keep the given order', () => {
    const origin = { latitude: 0, longitude: 0 };
    const sorted = sortByDistance([place('a', 0.01, 0), place('b', -0.01, 0)], origin);
    expect(sorted.map((p) => p.id)).toEqual(['a', 'b']);
  });

  test('distances read in metres or kilometres', () => {
    expect(formatDistance(84)).toBe('约 80 米');
    expect(formatDistance(2430)).toBe('约 2.4 公里');
  });
});
