using EventPlatform.StripeSandbox;

SandboxApp.Create(args).Run();
