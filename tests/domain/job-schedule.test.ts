import { dueJobs, jobSlot } from '../../src/domain/job-schedule';

/** An instant written as Shanghai wall-clock time, whatever the process time zone. */
const at = (shanghai: string) => Date.parse(`${shanghai.replace(' ', 'T')}:00+08:00`);

describe('one timer every minute; each run works out which slot each job is due for', () => {
  test.each`
    now                   | slot               | why
    ${'2026-12-01 10:04'} | ${'2026-12-01T09'} | ${'before minute 05 the last hour’s slot is still open'}
    ${'2026-12-01 10:05'} | ${'2026-12-01T10'} | ${'minute 05 opens the hour’s slot'}
    ${'2026-12-01 10:59'} | ${'2026-12-01T10'} | ${'a missed 10:05 run is caught up later in the hour'}
    ${'2026-12-01 11:04'} | ${'2026-12-01T10'} | ${'the slot lasts until the next one begins'}
    ${'2026-12-01 00:04'} | ${'2026-11-30T23'} | ${'just after midnight it is still the previous day’s 23 o’clock slot'}
    ${'2026-12-01 00:05'} | ${'2026-12-01T00'} | ${'the new day’s first slot'}
  `('deadlines at $now: $slot ($why)', ({ now, slot }) => {
    expect(jobSlot('deadlines', at(now))).toBe(slot);
  });

  test.each`
    now                   | slot            | why
    ${'2026-12-01 17:59'} | ${'2026-11-30'} | ${'before 18:00 the previous evening’s slot is still open'}
    ${'2026-12-01 18:00'} | ${'2026-12-01'} | ${'18:00 opens the evening’s slot'}
    ${'2026-12-01 23:59'} | ${'2026-12-01'} | ${'the same evening'}
    ${'2026-12-02 09:00'} | ${'2026-12-01'} | ${'a missed evening is caught up the next morning'}
    ${'2026-12-02 18:00'} | ${'2026-12-02'} | ${'the next evening'}
    ${'2027-01-01 00:30'} | ${'2026-12-31'} | ${'across the new year'}
  `('sessions at $now: $slot ($why)', ({ now, slot }) => {
    expect(jobSlot('sessions', at(now))).toBe(slot);
  });

  test.each`
    now                   | slot            | why
    ${'2026-11-30 08:29'} | ${'2026-11-23'} | ${'Monday before 08:30 is still last week’s slot'}
    ${'2026-11-30 08:30'} | ${'2026-11-30'} | ${'Monday 08:30 opens the week’s slot'}
    ${'2026-12-01 03:00'} | ${'2026-11-30'} | ${'a missed Monday is caught up on Tuesday'}
    ${'2026-12-06 23:59'} | ${'2026-11-30'} | ${'Sunday is the last day of the week'}
    ${'2026-12-28 08:30'} | ${'2026-12-28'} | ${'a week across the new year is named by its Monday'}
    ${'2027-01-03 12:00'} | ${'2026-12-28'} | ${'Sunday 3 January is still in that week'}
  `('digest at $now: $slot ($why)', ({ now, slot }) => {
    expect(jobSlot('digest', at(now))).toBe(slot);
  });

  test.each`
    now                   | slot               | why
    ${'2026-12-01 10:34'} | ${'2026-12-01T09'} | ${'before minute 35 the last hour’s slot is still open'}
    ${'2026-12-01 10:35'} | ${'2026-12-01T10'} | ${'minute 35 opens the hour’s slot'}
    ${'2026-12-01 00:34'} | ${'2026-11-30T23'} | ${'just after midnight it is still the previous day’s 23 o’clock slot'}
  `('the purge of expired files at $now: $slot ($why)', ({ now, slot }) => {
    expect(jobSlot('files', at(now))).toBe(slot);
  });

  test.each`
    now                   | slot            | why
    ${'2026-12-02 02:59'} | ${'2026-12-01'} | ${'before 03:00 the previous day’s slot is still open'}
    ${'2026-12-02 03:00'} | ${'2026-12-02'} | ${'03:00 opens the day’s slot'}
    ${'2026-12-02 23:59'} | ${'2026-12-02'} | ${'a missed 03:00 run is caught up later in the day'}
  `('the erasure of contacts past their retention at $now: $slot ($why)', ({ now, slot }) => {
    expect(jobSlot('retention', at(now))).toBe(slot);
  });

  test.each`
    now                   | slot            | why
    ${'2026-12-02 07:59'} | ${'2026-12-01'} | ${'before 08:00 the previous day’s slot is still open'}
    ${'2026-12-02 08:00'} | ${'2026-12-02'} | ${'08:00, as units start work, opens the day’s slot'}
    ${'2026-12-03 07:00'} | ${'2026-12-02'} | ${'a missed day is caught up until the next 08:00'}
  `('代表建议 reminders and 督办 at $now: $slot ($why)', ({ now, slot }) => {
    expect(jobSlot('suggestions', at(now))).toBe(slot);
  });

  test.each`
    now                   | slot            | why
    ${'2026-12-02 01:59'} | ${'2026-12-01'} | ${'before 02:00 the previous day’s slot is still open'}
    ${'2026-12-02 02:00'} | ${'2026-12-02'} | ${'02:00, before anyone writes, opens the day’s slot'}
  `('opening the months’ figure counters at $now: $slot ($why)', ({ now, slot }) => {
    expect(jobSlot('counters', at(now))).toBe(slot);
  });

  test('every run is due for a slot of each job, and for the outbox, which has nothing to claim', () => {
    expect(dueJobs(at('2026-12-01 18:00'))).toEqual([
      { job: 'deadlines', slot: '2026-12-01T17' },
      { job: 'sessions', slot: '2026-12-01' },
      { job: 'digest', slot: '2026-11-30' },
      { job: 'files', slot: '2026-12-01T17' },
      { job: 'retention', slot: '2026-12-01' },
      { job: 'suggestions', slot: '2026-12-01' },
      { job: 'counters', slot: '2026-12-01' },
      { job: 'outbox', slot: null },
    ]);
  });

  test('two runs in one slot name the same slot; the first run after it names the next', () => {
    const runs = ['2026-12-01 18:00', '2026-12-01 18:01', '2026-12-02 17:59', '2026-12-02 18:00'].map((t) =>
      jobSlot('sessions', at(t)),
    );
    expect(runs).toEqual(['2026-12-01', '2026-12-01', '2026-12-01', '2026-12-02']);
  });
});
