# ClaimDesk: one image for every role (api, worker, all) and for the one-shot migration.
#   docker build -t claimdesk .
#   docker run -p 8080:8080 -e CLAIMDESK_BOOTSTRAP_KEY=... -v claimdesk-data:/app/data claimdesk
# (Not built on the development machines: they have no container engine. See deploy/README.md.)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props ClaimDesk.sln ./
COPY src/ClaimDesk.Analysis/ClaimDesk.Analysis.csproj src/ClaimDesk.Analysis/
COPY src/ClaimDesk.Core/ClaimDesk.Core.csproj src/ClaimDesk.Core/
COPY src/ClaimDesk.Api/ClaimDesk.Api.csproj src/ClaimDesk.Api/
RUN dotnet restore src/ClaimDesk.Api/ClaimDesk.Api.csproj
COPY src/ src/
RUN dotnet publish src/ClaimDesk.Api/ClaimDesk.Api.csproj -c Release -o /app --no-restore /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The embedded default keeps its SQLite file here; mount a volume to keep it.
RUN mkdir -p /app/data && chown -R $APP_UID /app/data
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__ClaimDesk="Data Source=/app/data/claimdesk.db" \
    ClaimDesk__Role=all \
    DOTNET_gcServer=0
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["dotnet", "ClaimDesk.Api.dll", "--probe", "http://localhost:8080/health/live"]
ENTRYPOINT ["dotnet", "ClaimDesk.Api.dll"]
