namespace Attest.Tests; public class P { [Fact] public void T() { } }
