using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Catalogue;

public sealed class IndexModel(Core.Qualifications.Catalogue catalogue) : PageModel
{
    public Core.Qualifications.Catalogue Catalogue { get; } = catalogue;
}
