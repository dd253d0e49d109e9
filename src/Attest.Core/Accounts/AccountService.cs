using System.ComponentModel.DataAnnotations;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Core.Accounts;

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>How long an invitation link works.</summary>
    public int InvitationDays { get; set; } = 7;

    /// <summary>How long a password reset link works.</summary>
    public int ResetHours { get; set; } = 2;

    /// <summary>At most this many reset mails an hour for one account, so nobody can flood someone's inbox.</summary>
    public int ResetsPerHour { get; set; } = 3;
}

/// <summary>Who acts, and from where: a person signed in, an administrator, an operator at the command line, or a visitor.</summary>
public sealed record Actor(Guid? UserId, string Name, string? Address = null, string? UserAgent = null)
{
    public static Actor Operator { get; } = new(null, "An operator (attest command line)");
}

/// <summary>
/// People and access, shared by the web app and the CLI: invitations, emailed links to choose a password, roles, leavers
/// and second factors. Each change is one transaction with its mail (the outbox) and its security event, so nothing is
/// half done and no mail is lost.
/// </summary>
public sealed class AccountService(AttestDbContext db, UserManager<AppUser> users, Mailer mailer, IOptions<SiteOptions> site, IOptions<AccountOptions> options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>What a set of staff roles may be, or null when it is allowed.</summary>
    public static string? StaffRolesProblem(IReadOnlyCollection<string> roles, bool leadIqa)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Count == 0 ? "Choose at least one role"
            : roles.Contains(Roles.Candidate) ? "Candidates are registered on the Candidates page, not invited as staff"
            : roles.Contains(Roles.Employer) ? "An employer's line manager is invited from their employer's page, and their account cannot have a centre role"
            : roles.Any(r => !Roles.All.Contains(r)) ? "Choose roles from the list"
            : roles.Contains(Roles.Eqa) && roles.Count > 1 ? "An external quality assurer works for the awarding body: their account cannot have a centre role as well"
            : leadIqa && !roles.Contains(Roles.Iqa) ? "Only an internal quality assurer can be the lead IQA"
            : null;
    }

    /// <summary>"an assessor and an internal quality assurer (IQA)"</summary>
    public static string DescribeRoles(IEnumerable<string> roles, bool leadIqa = false)
    {
        var phrases = Roles.All.Where(roles.Contains).Select(r => r switch
        {
            Roles.CentreAdmin => "a centre administrator",
            Roles.Assessor => "an assessor",
            Roles.Iqa => leadIqa ? "the lead internal quality assurer (IQA)" : "an internal quality assurer (IQA)",
            Roles.Eqa => "an external quality assurer (EQA)",
            Roles.Employer => "an employer (line manager)",
            _ => "a candidate",
        }).ToList();
        return phrases.Count <= 1 ? phrases.FirstOrDefault() ?? "a member of the centre" : string.Join(", ", phrases[..^1]) + " and " + phrases[^1];
    }

    /// <summary>"Administrator, assessor, IQA (lead)" for a table.</summary>
    public static string ListRoles(IEnumerable<string> roles, bool leadIqa = false)
    {
        var names = Roles.All.Where(roles.Contains).Select(r => r switch
        {
            Roles.CentreAdmin => "administrator",
            Roles.Assessor => "assessor",
            Roles.Iqa => leadIqa ? "IQA (lead)" : "IQA",
            Roles.Eqa => "EQA",
            Roles.Employer => "employer (line manager)",
            _ => "candidate",
        }).ToList();
        return names.Count == 0 ? "No role" : char.ToUpperInvariant(names[0][0]) + string.Join(", ", names)[1..];
    }

    /// <summary>Makes a staff account with no password and emails its invitation. Joins the caller's transaction, or makes its own.</summary>
    public async Task<AppUser> InviteStaffAsync(string? email, string? name, IReadOnlyCollection<string> roles, bool leadIqa, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return await InviteAsync(email, name, roles, leadIqa, actor, cancellationToken, StaffRolesProblem(roles, leadIqa));
    }

    /// <summary>A candidate's account: the same invitation, to the candidate role only.</summary>
    public Task<AppUser> InviteCandidateAsync(string? email, string name, Actor actor, CancellationToken cancellationToken) =>
        InviteAsync(email, name, [Roles.Candidate], false, actor, cancellationToken);

    /// <summary>An employer contact's account: the same invitation, to the employer role only (the caller links it to the contact).</summary>
    public Task<AppUser> InviteEmployerAsync(string? email, string name, Actor actor, CancellationToken cancellationToken) =>
        InviteAsync(email, name, [Roles.Employer], false, actor, cancellationToken);

    private async Task<AppUser> InviteAsync(string? email, string? name, IReadOnlyCollection<string> roles, bool leadIqa, Actor actor, CancellationToken cancellationToken, string? rolesProblem = null)
    {
        var centreId = CentreId;
        email = email?.Trim() ?? string.Empty;
        name = name?.Trim() ?? string.Empty;
        var reasons = new List<(string Field, string Message)>();
        if (name.Length is 0 or > 200)
        {
            reasons.Add(("Name", "Enter the person's full name (200 characters or fewer)"));
        }

        if (email.Length is 0 or > 254 || !new EmailAddressAttribute().IsValid(email))
        {
            reasons.Add(("Email", "Enter an email address in the correct format, like name@example.com"));
        }
        else if (await users.FindByEmailAsync(email) is { } existing)
        {
            reasons.Add(("Email", existing.CentreId == centreId
                ? $"{existing.DisplayName} already has an account with this email address at this centre: change their roles on their page instead"
                : "This email address is already used for an Attest account, so it cannot be used for another. Ask the person for a different address"));
        }

        if (rolesProblem is not null)
        {
            reasons.Add(("Roles", rolesProblem));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        return await InTransactionAsync(async () =>
        {
            var user = new AppUser { CentreId = centreId, UserName = email, Email = email, DisplayName = name, CreatedAt = Now };
            Check(await users.CreateAsync(user), "Email");
            Check(await users.AddToRolesAsync(user, roles));
            if (leadIqa)
            {
                db.StaffProfiles.Add(new StaffProfile { CentreId = centreId, UserId = user.Id, LeadIqa = true, ChangedBy = actor.UserId, ChangedAt = Now });
            }

            await SendLinkAsync(user, AccountLinkPurpose.Invitation, actor, DescribeRoles(roles, leadIqa), cancellationToken);
            Record(user, SecurityEventKind.Invited, actor, $"as {DescribeRoles(roles, leadIqa)}");
            await db.SaveChangesAsync(cancellationToken);
            return user;
        }, cancellationToken);
    }

    /// <summary>Sends a new invitation to someone who has not chosen a password yet; earlier links stop working.</summary>
    public async Task ResendInvitationAsync(Guid userId, Actor actor, CancellationToken cancellationToken)
    {
        var user = await MemberAsync(userId, cancellationToken);
        if (!user.IsActive || await users.HasPasswordAsync(user))
        {
            throw new DomainRuleException(user.IsActive ? $"{user.DisplayName} has already chosen a password: they can reset it from the sign-in page if they have forgotten it" : $"{user.DisplayName}'s account is deactivated");
        }

        var roles = await users.GetRolesAsync(user);
        await InTransactionAsync(async () =>
        {
            await SendLinkAsync(user, AccountLinkPurpose.Invitation, actor, DescribeRoles(roles, await db.IsLeadIqaAsync(user.Id, cancellationToken)), cancellationToken);
            Record(user, SecurityEventKind.Invited, actor, "invitation sent again");
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Emails a reset link to the account, unless it is closed or has had <see cref="AccountOptions.ResetsPerHour"/> already.
    /// The caller answers the same whatever happens here, so the page says nothing about whether the address exists.
    /// </summary>
    public async Task RequestPasswordResetAsync(AppUser user, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        EnsureCentre(user);
        var hourAgo = Now.AddHours(-1);
        if (!user.IsActive || await db.AccountLinks.CountAsync(l => l.UserId == user.Id && l.Purpose == AccountLinkPurpose.PasswordReset && l.CreatedAt > hourAgo, cancellationToken) >= options.Value.ResetsPerHour)
        {
            return;
        }

        await InTransactionAsync(async () =>
        {
            await SendLinkAsync(user, AccountLinkPurpose.PasswordReset, actor, null, cancellationToken);
            Record(user, SecurityEventKind.PasswordResetRequested, actor, null);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>The link a token names (in the current centre), or null for a token that names none.</summary>
    public Task<AccountLink?> FindLinkAsync(string? token, CancellationToken cancellationToken) =>
        Security.CapabilityToken.Read(token) is { } key
            ? db.AccountLinks.AsNoTracking().SingleOrDefaultAsync(l => l.SecretSha256 == key.SecretSha256, cancellationToken)
            : Task.FromResult<AccountLink?>(null);

    /// <summary>The email address of a person of the current centre, to show on the page their link opens.</summary>
    public async Task<string> EmailOfAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId && u.CentreId == CentreId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;

    /// <summary>
    /// Sets the password through a link, once: a second use, even at the same moment, is refused. The person is signed out
    /// everywhere (new security stamp), their email counts as confirmed and a lockout is lifted; they sign in afresh, second
    /// factor and all.
    /// </summary>
    public async Task<(AppUser User, AccountLinkPurpose Purpose)> UseLinkAsync(string? token, string? password, Actor actor, CancellationToken cancellationToken)
    {
        var link = await FindLinkAsync(token, cancellationToken) ?? throw new DomainRuleException("This link is not right. Check you copied the whole link from the email.");
        var now = Now;
        if (link.Refusal(now) is string refusal)
        {
            throw new DomainRuleException(refusal);
        }

        var user = await users.FindByIdAsync(link.UserId.ToString()) ?? throw new DomainRuleException("This account no longer exists.");
        if (!user.IsActive)
        {
            throw new DomainRuleException("This account has been closed. Ask your centre administrator if you still need it.");
        }

        await CheckPasswordAsync(user, password, "Password");
        return await InTransactionAsync(async () =>
        {
            // One use, however many submissions arrive at once: only the first marks it used.
            var claimed = await db.AccountLinks.Where(l => l.Id == link.Id && l.UsedAt == null && l.RevokedAt == null && l.ExpiresAt >= now)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken);
            if (claimed == 0)
            {
                throw new DomainRuleException("This link has already been used. Each link works once. If you need to set your password again, ask for a new link.");
            }

            await RevokeLinksAsync(user.Id, cancellationToken);
            if (await users.HasPasswordAsync(user))
            {
                Check(await users.RemovePasswordAsync(user));
            }

            Check(await users.AddPasswordAsync(user, password!), "Password");
            user.EmailConfirmed = true;
            Check(await users.UpdateAsync(user));
            Check(await users.ResetAccessFailedCountAsync(user));
            Check(await users.SetLockoutEndDateAsync(user, null));
            if (link.Purpose == AccountLinkPurpose.PasswordReset)
            {
                QueuePasswordChanged(user);
            }

            Record(user, link.Purpose == AccountLinkPurpose.Invitation ? SecurityEventKind.InvitationAccepted : SecurityEventKind.PasswordReset, actor, null);
            await db.SaveChangesAsync(cancellationToken);
            return (user, link.Purpose);
        }, cancellationToken);
    }

    /// <summary>Changes the password of someone signed in; every other session of theirs ends.</summary>
    public async Task ChangePasswordAsync(AppUser user, string? current, string? password, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(current) || !await users.CheckPasswordAsync(user, current))
        {
            throw new DomainRuleException("Your current password is not right", "CurrentPassword");
        }

        await CheckPasswordAsync(user, password, "NewPassword");
        await InTransactionAsync(async () =>
        {
            Check(await users.ChangePasswordAsync(user, current, password!), "NewPassword");
            QueuePasswordChanged(user);
            Record(user, SecurityEventKind.PasswordChanged, actor, null);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Ends every session of the person (the caller signs the current one in again).</summary>
    public async Task SignOutEverywhereAsync(AppUser user, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        Check(await users.UpdateSecurityStampAsync(user));
        Record(user, SecurityEventKind.SignedOutEverywhere, actor, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Gives a member of staff these roles. Their sessions end, so the new roles apply at their next sign-in. An
    /// administrator cannot take away their own administration, and the last active administrator stays one.
    /// </summary>
    public async Task ChangeRolesAsync(Guid userId, IReadOnlyCollection<string> roles, bool leadIqa, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var user = await MemberAsync(userId, cancellationToken);
        var before = await users.GetRolesAsync(user);
        if (before.Contains(Roles.Candidate))
        {
            throw new DomainRuleException("This account is a candidate's: its role cannot change.");
        }

        if (before.Contains(Roles.Employer))
        {
            throw new DomainRuleException("This account is an employer's line manager's: it cannot have a centre role.", "Roles");
        }

        if (StaffRolesProblem(roles, leadIqa) is string problem)
        {
            throw new DomainRuleException(problem, "Roles");
        }

        if (before.Contains(Roles.CentreAdmin) && !roles.Contains(Roles.CentreAdmin))
        {
            if (user.Id == actor.UserId)
            {
                throw new DomainRuleException("You cannot take away your own administrator role. Ask another administrator to do it.", "Roles");
            }

            await EnsureAnotherAdministratorAsync(user, cancellationToken);
        }

        if (before.Contains(Roles.Assessor) && !roles.Contains(Roles.Assessor) && await Caseload(user.Id).AnyAsync(cancellationToken))
        {
            throw new DomainRuleException($"{user.DisplayName} still assesses candidates: reassign their caseload before taking away the assessor role.", "Roles");
        }

        var wasLead = await db.IsLeadIqaAsync(user.Id, cancellationToken);
        await InTransactionAsync(async () =>
        {
            Check(await users.RemoveFromRolesAsync(user, before.Except(roles)));
            Check(await users.AddToRolesAsync(user, roles.Except(before)));
            var profile = await db.StaffProfiles.SingleOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
            if (profile is null && leadIqa)
            {
                profile = new StaffProfile { CentreId = user.CentreId, UserId = user.Id };
                db.StaffProfiles.Add(profile);
            }

            if (profile is not null)
            {
                (profile.LeadIqa, profile.ChangedBy, profile.ChangedAt) = (leadIqa, actor.UserId, Now);
            }

            Check(await users.UpdateSecurityStampAsync(user));
            Record(user, SecurityEventKind.RolesChanged, actor, $"{DescribeRoles(before, wasLead)} → {DescribeRoles(roles, leadIqa)}");
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>The enrolments a person is the assessor of.</summary>
    public IQueryable<Portfolios.Enrolment> Caseload(Guid assessorId) => db.Enrolments.Where(e => e.AssessorId == assessorId);

    /// <summary>
    /// Moves each enrolment of the assessor's caseload named in <paramref name="moves"/> to its new assessor, who must be an
    /// active assessor of the centre other than the one leaving. Saved by the caller.
    /// </summary>
    public async Task<int> ReassignAsync(AppUser from, IReadOnlyDictionary<Guid, Guid> moves, Actor actor, bool wholeCaseload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(moves);
        var caseload = await Caseload(from.Id).ToListAsync(cancellationToken);
        var missing = caseload.Count(e => !moves.ContainsKey(e.Id));
        if (wholeCaseload && missing > 0)
        {
            throw new DomainRuleException($"{from.DisplayName} assesses {caseload.Count} {(caseload.Count == 1 ? "candidate" : "candidates")}: choose a new assessor for {(missing == caseload.Count ? "each of them" : $"the {missing} not yet given one")}.", "Reassign");
        }

        var targets = moves.Values.Distinct().ToList();
        var assessors = await db.ActiveStaffInRole(Roles.Assessor).Where(u => targets.Contains(u.Id) && u.Id != from.Id).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        if (assessors.Count != targets.Count)
        {
            throw new DomainRuleException("Choose new assessors from the centre's active assessors, other than the person leaving.", "Reassign");
        }

        var moved = 0;
        foreach (var enrolment in caseload.Where(e => moves.ContainsKey(e.Id)))
        {
            enrolment.AssignAssessor(moves[enrolment.Id]);
            moved++;
        }

        if (moved > 0)
        {
            Record(from, SecurityEventKind.CaseloadReassigned, actor, string.Join("; ", moves.Where(m => caseload.Any(e => e.Id == m.Key)).GroupBy(m => m.Value)
                .Select(g => $"{g.Count()} to {assessors.Single(a => a.Id == g.Key).DisplayName}")));
        }

        return moved;
    }

    /// <summary>Reassigns without deactivating (someone changing role, or sharing out a heavy caseload).</summary>
    public async Task<int> ReassignCaseloadAsync(Guid userId, IReadOnlyDictionary<Guid, Guid> moves, Actor actor, CancellationToken cancellationToken)
    {
        var user = await MemberAsync(userId, cancellationToken);
        var moved = await ReassignAsync(user, moves, actor, wholeCaseload: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return moved;
    }

    /// <summary>
    /// A leaver: their caseload goes to the assessors chosen, their sessions end at once, unused links stop working, and
    /// they can no longer sign in. What they signed stays theirs. Nobody deactivates themselves or the last administrator.
    /// </summary>
    public async Task DeactivateAsync(Guid userId, IReadOnlyDictionary<Guid, Guid> moves, Actor actor, CancellationToken cancellationToken)
    {
        var user = await MemberAsync(userId, cancellationToken);
        if (!user.IsActive)
        {
            throw new DomainRuleException($"{user.DisplayName}'s account is already deactivated.");
        }

        if (user.Id == actor.UserId)
        {
            throw new DomainRuleException("You cannot deactivate your own account. Ask another administrator to do it.");
        }

        if (await users.IsInRoleAsync(user, Roles.CentreAdmin))
        {
            await EnsureAnotherAdministratorAsync(user, cancellationToken);
        }

        await InTransactionAsync(async () =>
        {
            await ReassignAsync(user, moves, actor, wholeCaseload: true, cancellationToken);
            (user.DeactivatedAt, user.DeactivatedBy) = (Now, actor.UserId);
            await RevokeLinksAsync(user.Id, cancellationToken);
            Check(await users.UpdateSecurityStampAsync(user));
            Record(user, SecurityEventKind.Deactivated, actor, null);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Someone who returns: they sign in again with their password (or a new invitation, if they never chose one).</summary>
    public async Task ReactivateAsync(Guid userId, Actor actor, CancellationToken cancellationToken)
    {
        var user = await MemberAsync(userId, cancellationToken);
        if (user.IsActive)
        {
            throw new DomainRuleException($"{user.DisplayName}'s account is already active.");
        }

        (user.DeactivatedAt, user.DeactivatedBy) = (null, null);
        Check(await users.UpdateAsync(user));
        Record(user, SecurityEventKind.Reactivated, actor, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>For a lost phone: turns the second factor off and forgets the authenticator and recovery codes; the person sets it up again at their next sign-in.</summary>
    public async Task ResetTwoFactorAsync(Guid userId, Actor actor, CancellationToken cancellationToken)
    {
        var user = await MemberAsync(userId, cancellationToken);
        if (user.Id == actor.UserId)
        {
            throw new DomainRuleException("You cannot reset your own two-factor authentication here: use your account page, or ask another administrator.");
        }

        await InTransactionAsync(async () =>
        {
            Check(await users.SetTwoFactorEnabledAsync(user, false));
            Check(await users.ResetAuthenticatorKeyAsync(user));
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            var centre = await CentreNameAsync(user.CentreId, cancellationToken);
            mailer.Queue(user.CentreId, user.Id, "two-factor-reset", user.Email!, user.DisplayName, new Dictionary<string, string>
            {
                ["name"] = user.DisplayName, ["actor"] = actor.Name, ["email"] = user.Email!, ["centre"] = centre, ["when"] = UkTime.Format(Now),
            }, holdsLink: false);
            Record(user, SecurityEventKind.TwoFactorReset, actor, null);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Adds a security event for the person to the unit of work (saved with the change it records).</summary>
    public void Record(AppUser user, SecurityEventKind kind, Actor actor, string? detail)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(actor);
        db.SecurityEvents.Add(new SecurityEvent
        {
            CentreId = user.CentreId, UserId = user.Id, Kind = kind, At = Now, ActorId = actor.UserId == user.Id ? null : actor.UserId, ActorName = actor.UserId == user.Id ? null : actor.Name,
            Address = actor.Address, UserAgent = actor.UserAgent is { Length: > 300 } agent ? agent[..300] : actor.UserAgent, Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });
    }

    /// <summary>An event of the current centre that is not about one account: its single sign-on settings, an unknown person refused.</summary>
    public void RecordForCentre(SecurityEventKind kind, Actor actor, string? detail)
    {
        ArgumentNullException.ThrowIfNull(actor);
        db.SecurityEvents.Add(new SecurityEvent
        {
            CentreId = CentreId, Kind = kind, At = Now, ActorId = actor.UserId, ActorName = actor.UserId is null ? null : actor.Name, Address = actor.Address,
            UserAgent = actor.UserAgent is { Length: > 300 } agent ? agent[..300] : actor.UserAgent, Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });
    }

    /// <summary>Records and saves at once (sign-in events, which change nothing else).</summary>
    public async Task RecordNowAsync(AppUser user, SecurityEventKind kind, Actor actor, string? detail, CancellationToken cancellationToken)
    {
        EnsureCentre(user);
        Record(user, kind, actor, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SendLinkAsync(AppUser user, AccountLinkPurpose purpose, Actor actor, string? roles, CancellationToken cancellationToken)
    {
        await RevokeLinksAsync(user.Id, cancellationToken);
        var validFor = purpose == AccountLinkPurpose.Invitation ? TimeSpan.FromDays(options.Value.InvitationDays) : TimeSpan.FromHours(options.Value.ResetHours);
        var (link, token) = AccountLink.Issue(user.CentreId, user.Id, purpose, actor.UserId, Now, validFor);
        db.AccountLinks.Add(link);
        var centre = await CentreNameAsync(user.CentreId, cancellationToken);
        var values = new Dictionary<string, string>
        {
            ["name"] = user.DisplayName, ["email"] = user.Email!, ["centre"] = centre, ["link"] = site.Value.Link($"/Account/Password/{token}"), ["expires"] = UkTime.Format(link.ExpiresAt),
        };
        if (purpose == AccountLinkPurpose.Invitation)
        {
            values["inviter"] = actor.UserId is null ? "The Attest service team" : actor.Name;
            values["roles"] = roles ?? "a member of the centre";
        }

        mailer.Queue(user.CentreId, user.Id, purpose == AccountLinkPurpose.Invitation ? "invitation" : "password-reset", user.Email!, user.DisplayName, values, holdsLink: true);
    }

    private void QueuePasswordChanged(AppUser user) =>
        mailer.Queue(user.CentreId, user.Id, "password-changed", user.Email!, user.DisplayName, new Dictionary<string, string>
        {
            ["name"] = user.DisplayName, ["email"] = user.Email!, ["centre"] = db.Centres.Where(c => c.Id == user.CentreId).Select(c => c.Name).Single(), ["when"] = UkTime.Format(Now),
        }, holdsLink: false);

    /// <summary>Unused links of the person stop working: a newer one replaces them, or the account closes.</summary>
    private async Task RevokeLinksAsync(Guid userId, CancellationToken cancellationToken)
    {
        foreach (var open in await db.AccountLinks.Where(l => l.UserId == userId && l.UsedAt == null && l.RevokedAt == null).ToListAsync(cancellationToken))
        {
            open.Revoke(Now);
        }
    }

    private async Task CheckPasswordAsync(AppUser user, string? password, string field)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password ?? string.Empty);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }

        if (problems.Count > 0)
        {
            throw new DomainRuleException([.. problems.Distinct().Select(p => (field, p))]);
        }
    }

    private async Task EnsureAnotherAdministratorAsync(AppUser user, CancellationToken cancellationToken)
    {
        if (!await db.ActiveStaffInRole(Roles.CentreAdmin).AnyAsync(u => u.Id != user.Id, cancellationToken))
        {
            throw new DomainRuleException($"{user.DisplayName} is the centre's only active administrator. Make someone else an administrator first.", "Roles");
        }
    }

    /// <summary>A member of the current centre; 404 (a broken rule the page turns into Not Found) for anyone else.</summary>
    private async Task<AppUser> MemberAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.CentreId == CentreId, cancellationToken) ?? throw new AccountNotFoundException();

    private Guid CentreId => db.CurrentCentreId ?? throw new InvalidOperationException("No centre is being acted for.");

    private void EnsureCentre(AppUser user)
    {
        if (db.CurrentCentreId != user.CentreId)
        {
            throw new InvalidOperationException("The account is not of the centre being acted for.");
        }
    }

    private Task<string> CentreNameAsync(Guid centreId, CancellationToken cancellationToken) =>
        db.Centres.Where(c => c.Id == centreId).Select(c => c.Name).SingleAsync(cancellationToken);

    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static void Check(IdentityResult result, string? field = null)
    {
        if (!result.Succeeded)
        {
            throw new DomainRuleException([.. result.Errors.Select(e => (field ?? string.Empty, e.Description))]);
        }
    }
}

/// <summary>The account is not in the centre being acted for: pages answer 404.</summary>
public sealed class AccountNotFoundException : Exception
{
    public AccountNotFoundException()
        : base("No such account at this centre.")
    {
    }

    public AccountNotFoundException(string message)
        : base(message)
    {
    }

    public AccountNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
