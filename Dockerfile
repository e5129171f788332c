# syntax=docker/dockerfile:1
# Build: docker build -t tagbot .
# Run:   docker run -p 8080:8080 -v tagbot-data:/data -e GitHub__AppId=... -e GitHub__WebhookSecret=... \
#          -e GitHub__PrivateKeyPath=/keys/app.pem -v /path/to/keys:/keys:ro tagbot
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig TagBot.sln ./
COPY src/TagBot.Core/TagBot.Core.csproj src/TagBot.Core/
COPY src/TagBot/TagBot.csproj src/TagBot/
RUN dotnet restore src/TagBot/TagBot.csproj
COPY src/ src/
RUN dotnet publish src/TagBot/TagBot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's built-in non-root user; /data holds the SQLite inbox.
RUN mkdir -p /data && chown app:app /data
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__ConnectionString="Data Source=/data/tagbot.db"
EXPOSE 8080
VOLUME /data
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["dotnet", "TagBot.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "TagBot.dll"]
