namespace Attest.BrowserTests; public class P { [Fact] public void T() { } }
