// A college MIS export of generated candidates and the import pages that take it, shared by the benchmarks that need
// learners in the app: the import benchmark measures this, the list benchmark uses it to fill a centre.
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using static Bench;

internal static class MisImport
{
    public static byte[] Candidates(int count, int first, string mailbox, DateOnly today)
    {
        var csv = new StringBuilder("Forename,Surname,DOB,ULN,Email,Qualification,Units,Assessor email,Planned end date\r\n");
        var prefix = first;
        for (var i = 0; i < count; i++)
        {
            var uln = Uln(prefix++);
            while (uln is null)
            {
                uln = Uln(prefix++);
            }

            var dob = new DateOnly(1995, 1, 1).AddDays(i % 3650);
            csv.Append(CultureInfo.InvariantCulture, $"Learner{i},Family{i % 97},{dob:dd/MM/yyyy},{uln},{mailbox}{i}@learners.example,03456,\"F3,F4,A13,B10,C3,D8,D2\",assessor@demo.attest.test,{today.AddYears(1):dd/MM/yyyy}\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static string? Uln(int prefix)
    {
        var digits = prefix.ToString(CultureInfo.InvariantCulture);
        var remainder = digits.Select((d, i) => (d - '0') * (10 - i)).Sum() % 11;
        return remainder == 0 ? null : digits + (10 - remainder).ToString(CultureInfo.InvariantCulture);
    }

    public static async Task<string> UploadAsync(HttpClient client, string name, byte[] content)
    {
        const string page = "/Admin/Candidates/Import";
        var token = Token(await client.GetStringAsync(page));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Input.File", name);
        using var response = await client.PostAsync(page, form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"upload refused: {(int)response.StatusCode}");
        }

        return response.Headers.Location!.OriginalString;
    }

    /// <summary>The columns as the page matched them, as the query the mapping form sends.</summary>
    public static string Columns(string page) =>
        string.Join("&", Regex.Matches(page, "<select[^>]*name=\"Columns\"[^>]*>(.*?)</select>", RegexOptions.Singleline)
            .Select(m => "Columns=" + (Regex.Match(m.Groups[1].Value, "<option value=\"([^\"]+)\" selected") is { Success: true } s ? s.Groups[1].Value : "Ignore")));

    public static async Task<bool> ConfirmAsync(HttpClient client, string import, string columns)
    {
        var token = Token(await client.GetStringAsync($"{import}?{columns}"));
        var fields = columns.Split('&').Select(c => new KeyValuePair<string, string>("Columns", c.Split('=')[1])).Append(new("__RequestVerificationToken", token));
        using var form = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(import, form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"import refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return true;
    }
}
