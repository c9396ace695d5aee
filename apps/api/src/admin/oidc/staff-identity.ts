import type { OidcSettings } from '../../config';
import type { VerifiedClaims } from './oidc-client';

/** Who signed in, or why they may not. */
export type StaffVerdict =
  | { allowed: true; name: string; label: string }
  | { allowed: false; name: string; title: string; message: string };

const MAX_LABEL = 120;

/** Decides from the verified ID token whether this person is staff, and how to label them. */
export function staffVerdict(claims: VerifiedClaims, settings: OidcSettings): StaffVerdict {
  const email = text(claims['email']) ?? emailLike(text(claims['preferred_username']));
  const name = text(claims['name']) ?? text(claims['preferred_username']) ?? email ?? claims.sub;
  const who = email && email !== name ? `${name} (${email})` : name;
  const allowed = settings.allowedGroups;
  if (!allowed) return { allowed: true, name, label: who.slice(0, MAX_LABEL) };

  if (hasGroupOverage(claims)) {
    return {
      allowed: false,
      name,
      title: 'Too many groups to check',
      message:
        `You are signed in as ${who}, but ${settings.providerName} did not list your groups in the ` +
        'sign-in token because you are in too many of them. An administrator must limit the ' +
        'groups claim: in Microsoft Entra ID, open the app registration → Token configuration → ' +
        'the groups claim, choose "Groups assigned to the application", and assign the staff ' +
        'group to the app under Enterprise applications → Users and groups.',
    };
  }
  const groups = claims['groups'];
  if (!Array.isArray(groups)) {
    return {
      allowed: false,
      name,
      title: 'No groups in the sign-in token',
      message:
        `You are signed in as ${who}, but ${settings.providerName} sent no groups claim, so ` +
        'membership of the staff group cannot be checked. An administrator must add the ' +
        '"groups" claim to the ID token (Microsoft Entra ID: app registration → Token ' +
        'configuration → Add groups claim; Keycloak: a "Group Membership" mapper).',
    };
  }
  if (!groups.some((group) => typeof group === 'string' && allowed.includes(group))) {
    return {
      allowed: false,
      name,
      title: 'Not allowed here',
      message:
        `You are signed in as ${who} but not allowed here; ask whoever manages the café's ` +
        `${settings.providerName} accounts to add you to the staff group.`,
    };
  }
  return { allowed: true, name, label: who.slice(0, MAX_LABEL) };
}

/** Entra ID's marker for "more groups than fit in a token": a pointer instead of the list. */
function hasGroupOverage(claims: VerifiedClaims): boolean {
  const names = claims['_claim_names'];
  const pointsElsewhere =
    typeof names === 'object' && names !== null && 'groups' in (names as object);
  return pointsElsewhere || claims['hasgroups'] === true || claims['hasgroups'] === 'true';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function emailLike(value: string | undefined): string | undefined {
  return value?.includes('@') ? value : undefined;
}
