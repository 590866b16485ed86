// Who is using the add-on, when Apps Script can tell. Session.getActiveUser()
// needs the userinfo.email scope (SPEC §10) and gives '' where Google hides
// the identity (another domain, a simple trigger); without the scope it throws.
// Every caller gets '' then, never an error: a save or the 集計 view must not
// break over a name.
export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}
