// The integration tests start this application through WebApplicationFactory<Program>, which needs the
// compiler-generated Program class to be public.
#pragma warning disable CA1050
public partial class Program;
#pragma warning restore CA1050
