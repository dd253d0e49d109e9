using Attest.Core.Portfolios.Hygiene;

namespace Attest.Tests.Portfolios.Hygiene;

public class HygieneScannerTests
{
    private static readonly HygieneContext Candidate = new(["Priya Shah"], ["priya.shah@example.com"]);

    private static IReadOnlyList<HygieneWarning> Scan(string text, string location = "line 1") =>
        HygieneScanner.Scan([new TextSegment(location, text)], Candidate);

    private static HygieneWarning Single(string text, HygieneKind kind) => Assert.Single(Scan(text), w => w.Kind == kind);

    [Fact]
    public void A_reflective_account_naming_only_the_candidate_raises_nothing()
    {
        var account = """
            Reflective account by Priya Shah, 14/03/2025
            At 10:30 a customer rang about a refund of £12.50 for order 4539 1488 0343 6467 (reference 07700 900123).
            Ms Shah, my manager said, handled it well. I followed the complaints procedure: I listened, apologised and
            agreed the refund by 1 April 2025. I emailed the confirmation from priya.shah@example.com. It reminded me of
            the Mr Men book on my desk. Unit A1 2nd floor was busy. We served 1,250 customers in March.
            """;

        Assert.Empty(Scan(account));
    }

    [Fact]
    public void An_email_and_phone_number_are_shown_as_written_with_their_location()
    {
        var warnings = Scan("Customer contact: jo.bloggs@mail.example.co.uk or 07700 900123.", "page 2");

        Assert.Contains(warnings, w => w is { Kind: HygieneKind.Email, Found: "jo.bloggs@mail.example.co.uk", Location: "page 2" });
        Assert.Contains(warnings, w => w is { Kind: HygieneKind.PhoneNumber, Found: "07700 900123", Location: "page 2" });
        Assert.All(warnings, w => Assert.Contains("anonymised", w.Advice, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Call +44 7700 900123 today", "+44 7700 900123")]
    [InlineData("Call +44 (0)20 7946 0958 today", "+44 (0)20 7946 0958")]
    [InlineData("Call 020 7946 0958 today", "020 7946 0958")]
    [InlineData("Call (01632) 960 001 today", "(01632) 960 001")]
    [InlineData("Call 07700-900-123 today", "07700-900-123")]
    [InlineData("Call 01632960001 today", "01632960001")]
    public void UK_phone_numbers_are_found_in_their_usual_spellings(string text, string found) =>
        Assert.Equal(found, Single(text, HygieneKind.PhoneNumber).Found);

    [Theory]
    [InlineData("The call came at 10:30 and lasted 12 minutes.")]
    [InlineData("The refund was £12.50, paid on 01/02/2024.")]
    [InlineData("Order no. 07700900123 was dispatched.")]
    [InlineData("Version 0.1.2 of the till software, 4 items.")]
    public void Times_money_dates_and_order_numbers_are_not_phone_numbers(string text) =>
        Assert.DoesNotContain(Scan(text), w => w.Kind == HygieneKind.PhoneNumber);

    [Fact]
    public void The_candidates_own_phone_number_is_not_flagged_however_it_is_spaced()
    {
        var context = new HygieneContext([], ["07700 900 123"]);

        Assert.Empty(HygieneScanner.Scan([new TextSegment("line 1", "Ring me on +44 7700 900123.")], context));
    }

    [Theory]
    [InlineData("She lives at 4 Mill Lane, Leeds LS1 4AP.", "LS1 4AP")]
    [InlineData("Delivered to SW1A 1AA", "SW1A 1AA")]
    [InlineData("Address: 1 High St, M1 1AE", "M1 1AE")]
    [InlineData("Post to EC1A1BB please", "EC1A1BB")]
    public void UK_postcodes_are_found(string text, string found) =>
        Assert.Equal(found, Single(text, HygieneKind.Postcode).Found);

    [Fact]
    public void Floor_numbers_and_unit_codes_are_not_postcodes() =>
        Assert.DoesNotContain(Scan("Unit A1 2nd floor; I completed unit C3 and B5 1.1 on time."), w => w.Kind == HygieneKind.Postcode);

    [Theory]
    [InlineData("Customer DOB: 12/03/1985, account open", "DOB: 12/03/1985")]
    [InlineData("D.O.B. 12.03.85", "D.O.B. 12.03.85")]
    [InlineData("Her date of birth is 3 March 1985.", "date of birth is 3 March 1985")]
    [InlineData("He was born on 5th June 1979 in Hull.", "born on 5th June 1979")]
    public void A_date_near_date_of_birth_wording_is_flagged(string text, string found) =>
        Assert.Equal(found, Single(text, HygieneKind.DateOfBirth).Found);

    [Fact]
    public void Dates_of_the_activity_are_not_dates_of_birth() =>
        Assert.DoesNotContain(Scan("On 12/03/2024 I checked the customer's date of birth against their ID."), w => w.Kind == HygieneKind.DateOfBirth);

    [Fact]
    public void A_National_Insurance_number_is_masked_except_its_last_four_characters()
    {
        var warning = Single("NI number AB 12 34 56 C on the form", HygieneKind.NationalInsuranceNumber);

        Assert.Equal("** ** *4 56 C", warning.Found);
        Assert.Contains(HygieneAdvice.SensitiveQuote, warning.Advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QQ 12 34 56 C")] // HMRC's own example: Q is never a first letter
    [InlineData("GB123456A")]
    [InlineData("AO123456A")]
    [InlineData("AB123456E")]
    public void Numbers_HMRC_never_issues_are_not_National_Insurance_numbers(string text) =>
        Assert.DoesNotContain(Scan(text), w => w.Kind == HygieneKind.NationalInsuranceNumber);

    [Theory]
    [InlineData("Card 4111 1111 1111 1111 exp 09/27", "**** **** **** 1111")]
    [InlineData("Card 5500-0055-5555-5559", "****-****-****-5559")]
    [InlineData("Amex 371449635398431", "***********8431")]
    public void Luhn_valid_card_numbers_are_masked_except_the_last_four(string text, string found) =>
        Assert.Equal(found, Single(text, HygieneKind.PaymentCardNumber).Found);

    [Fact]
    public void A_long_number_that_fails_the_Luhn_check_is_not_a_card_number() =>
        Assert.DoesNotContain(Scan("Card 4111 1111 1111 1112"), w => w.Kind == HygieneKind.PaymentCardNumber);

    [Theory]
    [InlineData("I apologised to Mrs Patel for the delay.", "Mrs Patel")]
    [InlineData("Dr J. O'Neill signed the note.", "Dr J. O'Neill")]
    [InlineData("Mr Tom Reed-Smith asked for a refund.", "Mr Tom Reed-Smith")]
    [InlineData("I called Mx Carter back.", "Mx Carter")]
    public void A_title_and_surname_is_flagged_as_a_possible_third_party(string text, string found) =>
        Assert.Equal(found, Single(text, HygieneKind.ThirdPartyName).Found);

    [Fact]
    public void Names_in_the_context_are_not_third_parties()
    {
        var context = new HygieneContext(["Priya Shah", "Tom Reed"], []);

        var warnings = HygieneScanner.Scan([new TextSegment("line 1", "Ms Shah and my assessor Mr Reed met Mrs Okafor.")], context);

        Assert.Equal(["Mrs Okafor"], warnings.Select(w => w.Found));
    }

    [Fact]
    public void The_same_finding_is_reported_once_per_location()
    {
        var warnings = HygieneScanner.Scan(
            [
                new TextSegment("page 1", "Mrs Patel (jo@example.org) rang. Later Mrs Patel emailed from JO@example.org."),
                new TextSegment("page 2", "Mrs Patel was happy."),
            ],
            HygieneContext.None);

        Assert.Equal(
            [(HygieneKind.ThirdPartyName, "page 1"), (HygieneKind.Email, "page 1"), (HygieneKind.ThirdPartyName, "page 2")],
            warnings.Select(w => (w.Kind, w.Location)));
    }

    [Fact]
    public void A_blank_form_is_reported_with_the_pages_that_show_it()
    {
        var warnings = HygieneScanner.Scan(
            [
                new TextSegment("page 1", "Customer Complaint Form\nDate: ____________\nCustomer name: ________________\nTelephone: .................\nDetails of complaint:\n"),
                new TextSegment("page 2", "Action taken: ☐ Refund ☐ Replacement ☐ Other\nSigned: ______________\nDate: ________"),
            ],
            HygieneContext.None);

        var warning = Assert.Single(warnings);
        Assert.Equal(HygieneKind.BlankTemplate, warning.Kind);
        Assert.Equal("pages 1-2", warning.Location);
        Assert.Contains(HygieneAdvice.BlankQuote, warning.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filled_in_form_is_not_blank()
    {
        var form = """
            Customer Complaint Form
            Date: 14/03/2025
            Customer name: the customer (anonymised)
            Details of complaint: parcel arrived damaged
            Action taken: ☐ Refund ☒ Replacement ☐ Other
            Outcome: replacement sent next day, customer happy
            Signed: ______________
            """;

        Assert.DoesNotContain(Scan(form), w => w.Kind == HygieneKind.BlankTemplate);
    }

    [Fact]
    public void A_contents_page_and_a_declaration_to_sign_do_not_make_an_account_blank()
    {
        var account = """
            Contents
            Introduction..........3
            What happened..........4
            Reflection..........6
            I dealt with a customer whose delivery was late. I listened to their concerns, checked the order on the
            system and explained the new delivery date. I offered a discount as our procedure allows and logged the
            complaint. Next time I would call the courier first so I could give a firmer time.
            Signed: __________  Date: __________
            """;

        Assert.DoesNotContain(Scan(account), w => w.Kind == HygieneKind.BlankTemplate);
    }

    [Fact]
    public void Seed_003_candidates_should_not_include_policies_and_procedures_as_evidence()
    {
        var warnings = HygieneScanner.Scan(
            [
                new TextSegment("paragraph 1", "Complaints Handling Procedure"),
                new TextSegment("paragraph 2", "1. Purpose"),
                new TextSegment("paragraph 3", "This procedure sets out how complaints are received and resolved."),
                new TextSegment("paragraph 4", "2. Scope"),
                new TextSegment("paragraph 5", "It applies to all staff."),
                new TextSegment("paragraph 6", "3. Roles and responsibilities"),
                new TextSegment("paragraph 7", "Team leaders make sure complaints are logged within 24 hours."),
                new TextSegment("table 1 row 1", "Version\t2.1"),
                new TextSegment("table 1 row 2", "Review date\tMay 2026"),
            ],
            HygieneContext.None);

        var warning = Assert.Single(warnings);
        Assert.Equal(HygieneKind.PolicyDocument, warning.Kind);
        Assert.Equal("\"Complaints Handling Procedure\" with sections Purpose, Scope, Roles and responsibilities, Version, Review date", warning.Found);
        Assert.Equal("paragraphs 1-2, 4, 6, table 1 rows 1-2", warning.Location);
        Assert.Contains(HygieneAdvice.PolicyQuote, warning.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_of_how_the_candidate_applies_a_policy_is_not_a_copy_of_it()
    {
        var account = """
            How I apply our complaints policy
            The purpose of the policy is to resolve complaints quickly. Its scope covers every customer.
            My responsibilities are to log each complaint and pass repeated problems to my team leader.
            Review date: I check the policy whenever it is updated.
            """;

        Assert.DoesNotContain(Scan(account), w => w.Kind == HygieneKind.PolicyDocument);
    }

    [Theory]
    [InlineData(new[] { "page 1" }, "page 1")]
    [InlineData(new[] { "page 1", "page 2", "page 3", "page 5" }, "pages 1-3, 5")]
    [InlineData(new[] { "description", "line 4", "line 5" }, "description, lines 4-5")]
    [InlineData(new[] { "paragraph 2", "footer", "footer" }, "paragraph 2, footer")]
    public void Locations_are_joined_into_ranges(string[] locations, string described) =>
        Assert.Equal(described, HygieneScanner.DescribeLocations(locations));
}
