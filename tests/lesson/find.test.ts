import { describe, expect, it } from 'vitest';
import { buildGlossary, lookupTerm } from '../../src/lesson/glossary.ts';
import { searchCourse } from '../../src/lesson/search.ts';
import { fixtureCourse } from './course.ts';

const course = fixtureCourse();

describe('glossary', () => {
  const entries = buildGlossary(course);

  it('lists every key term alphabetically with its lesson', () => {
    expect(entries.map((e) => `${e.term} / ${e.lesson.id}`)).toEqual([
      'Alignment / basics',
      'Debate / oversight',
      'Proxy / basics',
      'Scalable oversight / oversight',
      'Specification gaming (SG) / basics',
      'Value pluralism / values',
    ]);
  });

  it('finds a term whatever its case, hyphens, or by the short name in brackets', () => {
    for (const q of ['proxy', 'PROXY', ' Proxy ', 'scalable-oversight', 'SG', 'specification gaming']) {
      expect(lookupTerm(entries, q), q).toMatchObject({
        matches: [expect.objectContaining({ term: expect.any(String) })],
      });
    }
    expect(lookupTerm(entries, 'sg')).toMatchObject({ matches: [{ term: 'Specification gaming (SG)' }] });
  });

  it('suggests the closest terms when there is no such term', () => {
    expect(lookupTerm(entries, 'debait')).toEqual({ suggestions: ['Debate'] });
    expect(lookupTerm(entries, 'zebra crossing')).toEqual({ suggestions: [] });
  });
});

describe('search', () => {
  it('ranks a section whose title and text hold the words above passing mentions', () => {
    const hits = searchCourse(course, ['debate']);
    expect(hits[0]).toMatchObject({ lesson: { id: 'oversight' }, section: 1, place: 'Debate' });
    expect(hits.map((h) => h.place)).toContain('Key terms');
  });

  it('matches word starts and simple plurals, without case', () => {
    const hits = searchCourse(course, ['PROXIES']);
    expect(hits.some((h) => h.place === 'Proxies')).toBe(true);
    expect(hits.some((h) => h.line.includes('A proxy is a measurable stand-in'))).toBe(true);
  });

  it('keeps only places holding every word when some do, and shows the sentence that matched', () => {
    const hits = searchCourse(course, ['boat', 'race']);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ place: 'Specification gaming', complete: true });
    expect(hits[0]!.line).toContain('the boat that circled for points');
  });

  it('falls back to places with some of the words, and finds nothing for unknown words', () => {
    const hits = searchCourse(course, ['debate', 'xylophone']);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => !h.complete)).toBe(true);
    expect(searchCourse(course, ['xylophone'])).toEqual([]);
  });
});
