using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Witness;

/// <summary>Shown after a testimony is sent; it reads nothing, so it shows nothing of anyone's.</summary>
public sealed class ThanksModel : PageModel
{
    public void OnGet()
    {
    }
}
