# syntax=docker/dockerfile:1
# Build: docker build -t tagbot .
# Run, from the folder where create-app wrote tagbot.private-key.pem (mode 0600) and tagbot.env:
#   docker run -p 8080:8080 --user "$(id -u):$(id -g)" -v "$PWD/tagbot-data:/data" \
#     -v "$PWD/tagbot.private-key.pem:/keys/tagbot.private-key.pem:ro" \
#     --env-file tagbot.env -e GitHub__PrivateKeyPath=/keys/tagbot.private-key.pem tagbot
# --user: the key is readable by its owner only, and UID 1654 below is not its owner.
# See docs/operations.md (image, the key file's owner, health check, Kubernetes manifests in deploy/).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the package layer is cached across source edits.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/TagBot.Core/TagBot.Core.csproj src/TagBot.Core/
COPY src/TagBot/TagBot.csproj src/TagBot/
RUN dotnet restore src/TagBot/TagBot.csproj
COPY src/ src/
RUN dotnet publish src/TagBot/TagBot.csproj -c Release -o /app --no-restore \
 && mkdir /data

# Chiseled: no shell, no package manager, a non-root user (app, UID 1654) by default.
# InvariantGlobalization is on, so the image needs no ICU. The health check runs the app itself.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./
# /data holds the SQLite inbox; a named volume mounted there starts with this owner.
COPY --from=build --chown=1654:1654 /data /data
USER 1654
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__ConnectionString="Data Source=/data/tagbot.db"
EXPOSE 8080
VOLUME /data
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["dotnet", "/app/TagBot.dll", "--healthcheck", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["dotnet", "/app/TagBot.dll"]
