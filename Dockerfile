# The image of any Pactport app, from its packaged form: run `./pactport build` (or `mvn package`) first.
#   docker build --build-arg MODULE=broker-api -t pactport/broker-api .
# docker-compose.yml builds one image per module from this file.
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.21
ARG MODULE
ENV LANGUAGE='en_US:en'
# The heap, set rather than left to a share of the container's memory; the java launcher reads this variable, so
# docker-compose.yml (or a chart) gives broker-api, which parses large pacts, more.
ENV JDK_JAVA_OPTIONS="-Xmx384m"
COPY --chown=185 ${MODULE}/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 ${MODULE}/target/quarkus-app/*.jar /deployments/
COPY --chown=185 ${MODULE}/target/quarkus-app/app/ /deployments/app/
COPY --chown=185 ${MODULE}/target/quarkus-app/quarkus/ /deployments/quarkus/
USER 185
ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
