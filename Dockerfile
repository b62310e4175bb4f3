# The app as a container image, for docker-compose.yml. Tests never depend on it.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ReadyToRun (precompiled for the build machine's runtime): the first page answers in half the time (docs/performance.md).
RUN dotnet publish src/Lexom.Training.Web -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Lexom.Training.Web.dll"]
