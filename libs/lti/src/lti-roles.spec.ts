import { courseRoleOf, parseLtiRole } from './lti-roles';

const M = 'http://purl.imsglobal.org/vocab/lis/v2/membership#';
const I = 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#';

describe('LTI role mapping', () => {
  it('maps context instructors, admins and teaching assistants to instructor', () => {
    expect(courseRoleOf([`${M}Instructor`])).toBe('instructor');
    expect(courseRoleOf([`${M}Administrator`])).toBe('instructor');
    expect(courseRoleOf(['http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant'])).toBe('instructor');
    expect(courseRoleOf(['Instructor'])).toBe('instructor');
  });

  it('maps learners, and anything unknown, to learner', () => {
    expect(courseRoleOf([`${M}Learner`])).toBe('learner');
    expect(courseRoleOf([])).toBe('learner');
    expect(courseRoleOf(['urn:lti:role:unknown'])).toBe('learner');
  });

  it('lets the context role win over an institution role', () => {
    // A faculty member enrolled as a student in someone else's course is a learner there.
    expect(courseRoleOf([`${I}Faculty`, `${M}Learner`])).toBe('learner');
    expect(courseRoleOf([`${I}Faculty`])).toBe('instructor');
    expect(courseRoleOf([`${I}Student`])).toBe('learner');
    expect(courseRoleOf(['http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator'])).toBe('instructor');
  });

  it('parses the vocabularies', () => {
    expect(parseLtiRole(`${M}Learner`)).toEqual({ kind: 'context', name: 'Learner' });
    expect(parseLtiRole(`${I}Staff`)).toEqual({ kind: 'institution', name: 'Staff' });
    expect(parseLtiRole('not a role')).toBeNull();
  });
});
