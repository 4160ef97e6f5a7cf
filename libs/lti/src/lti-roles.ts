// LTI role URIs to our two course roles. Context (membership) roles decide when the launch has
// any, since they describe this course; institution and system roles only when it has none. An
// LTI launch never makes anyone an organisation admin.
export type LtiCourseRole = 'learner' | 'instructor';

const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership#';
const INSTITUTION = 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#';
const SYSTEM = 'http://purl.imsglobal.org/vocab/lis/v2/system/person#';

const TEACHING_CONTEXT_ROLES = new Set(['Instructor', 'Administrator', 'ContentDeveloper', 'Mentor']);
const TEACHING_INSTITUTION_ROLES = new Set(['Administrator', 'Faculty', 'Instructor']);

interface ParsedRole {
  kind: 'context' | 'institution' | 'system';
  name: string;
}

/** A role URI's vocabulary and principal name; sub-roles (membership/Instructor#TeachingAssistant) count as their principal. */
export function parseLtiRole(uri: string): ParsedRole | null {
  if (uri.startsWith(MEMBERSHIP)) return { kind: 'context', name: uri.slice(MEMBERSHIP.length) };
  if (uri.startsWith(INSTITUTION)) return { kind: 'institution', name: uri.slice(INSTITUTION.length) };
  if (uri.startsWith(SYSTEM)) return { kind: 'system', name: uri.slice(SYSTEM.length) };
  const subRole = /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/membership\/([A-Za-z]+)#/.exec(uri);
  if (subRole) return { kind: 'context', name: subRole[1] };
  // LTI 1.3 deprecates the short context role names, but some platforms still send them.
  if (/^[A-Za-z]+$/.test(uri)) return { kind: 'context', name: uri };
  return null;
}

export function courseRoleOf(roles: readonly string[]): LtiCourseRole {
  const parsed = roles.map(parseLtiRole).filter((role): role is ParsedRole => role !== null);
  const contextRoles = parsed.filter((role) => role.kind === 'context');
  if (contextRoles.length > 0) return contextRoles.some((role) => TEACHING_CONTEXT_ROLES.has(role.name)) ? 'instructor' : 'learner';
  const teaches = parsed.some(
    (role) =>
      (role.kind === 'institution' && TEACHING_INSTITUTION_ROLES.has(role.name)) ||
      (role.kind === 'system' && role.name === 'Administrator'),
  );
  return teaches ? 'instructor' : 'learner';
}
