# syntax=docker/dockerfile:1
# NewsClaims web app. Build: docker build -t newsclaims .   Run the whole stack: docker compose up --build

# ---------------------------------------------------------------- build
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Solution-level files first: central package versions (Directory.Packages.props), shared build settings,
# analyzer rules (.editorconfig is enforced at build time) and the local tool manifest.
COPY NewsClaims.sln Directory.Build.props Directory.Packages.props .editorconfig dotnet-tools.json ./
COPY src/ src/

# Node is only needed if the web project gains front-end sources (a package.json). The install and the npm
# build run only when that file exists, so this step is a no-op today and cannot fail the build.
RUN if [ -f src/NewsClaims.Web/package.json ]; then \
        apt-get update \
        && apt-get install -y --no-install-recommends nodejs npm \
        && rm -rf /var/lib/apt/lists/* \
        && cd src/NewsClaims.Web \
        && if [ -f package-lock.json ]; then npm ci; else npm install; fi \
        && npm run build --if-present; \
    else \
        echo "no src/NewsClaims.Web/package.json: skipping Node"; \
    fi

# Restore the web project (not the .sln: the tests are not copied into the image).
RUN dotnet restore src/NewsClaims.Web/NewsClaims.Web.csproj
RUN dotnet publish src/NewsClaims.Web/NewsClaims.Web.csproj -c Release -o /app --no-restore

# ---------------------------------------------------------------- runtime
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# The aspnet image has neither curl nor wget; curl is installed only for the HEALTHCHECK below.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app ./

# Non-root: the .NET images ship an unprivileged "app" user and set APP_UID to its numeric id (1654).
USER $APP_UID

# ASPNETCORE_URLS takes precedence over the image's default ASPNETCORE_HTTP_PORTS=8080.
ENV ASPNETCORE_URLS=http://+:5080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1
EXPOSE 5080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl --fail --silent --show-error http://localhost:5080/health || exit 1

ENTRYPOINT ["dotnet", "NewsClaims.Web.dll"]
