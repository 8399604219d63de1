// Self-test of check.mjs: good inputs pass its rules and each broken one is caught, so the checker cannot pass
// everything. Nothing is read from the tree: the inputs are built here.
//
//   node deploy/checks/check-self-test.mjs [--no-summary]
//
// Prints one line per case as check.mjs does; deploy/checks/check.sh runs it before check.mjs.
import {
  composeProblems,
  COMPOSE_CONSOLE_ENVIRONMENT,
  COMPOSE_INFRASTRUCTURE,
  COMPOSE_SERVICE_ENVIRONMENT,
  CONSOLE,
  dockerfileFindings,
  INFRASTRUCTURE_RENDERING,
  manifestProblems,
  OIDC_SECRET,
  PRODUCTION_API_DOCS_OFF,
  SERVICE_PORTS,
  SERVICES,
} from "./check.mjs";
import { expectCaught, expectNone, Report, runSelfTestCases } from "./report.mjs";

const PORTS = { ...SERVICE_PORTS, [CONSOLE]: 8080 };

/** A service's Deployment, Service and PodDisruptionBudget; the console's lack the API documents' switches. */
function goodServiceObjects(service, replicas) {
  const labels = { "app.kubernetes.io/name": service, "app.kubernetes.io/part-of": "drsuite" };
  const port = PORTS[service];
  const apiDocsOff = service === CONSOLE ? [] : PRODUCTION_API_DOCS_OFF.map((name) => ({ name, value: "false" }));
  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: service, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: {
          labels,
          annotations: {
            "prometheus.io/scrape": "true",
            "prometheus.io/port": String(port),
            "prometheus.io/path": "/q/metrics",
          },
        },
        spec: {
          securityContext: { runAsNonRoot: true },
          containers: [
            {
              name: service,
              image: `drsuite/${service}:0.1.0`,
              ports: [{ name: "http", containerPort: port }],
              envFrom: [{ configMapRef: { name: "drsuite-config" } }],
              env: [
                { name: "DRSUITE_DB_PASSWORD", valueFrom: { secretKeyRef: { name: "drsuite-db", key: "password" } } },
                { name: "DRSUITE_SSH_KEY_DIRECTORY", value: "/etc/drsuite/ssh/keys" },
                { name: "DRSUITE_OIDC_ISSUER", valueFrom: { secretKeyRef: { name: OIDC_SECRET, key: "issuer" } } },
                {
                  name: "DRSUITE_OIDC_JWKS_URL",
                  valueFrom: { secretKeyRef: { name: OIDC_SECRET, key: "jwks-url", optional: true } },
                },
                ...apiDocsOff,
              ],
              livenessProbe: { httpGet: { path: "/q/health/live", port: "http" } },
              readinessProbe: { httpGet: { path: "/q/health/ready", port: "http" } },
              startupProbe: { httpGet: { path: "/q/health/started", port: "http" } },
              resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
              securityContext: { allowPrivilegeEscalation: false },
            },
          ],
        },
      },
    },
  };
  const service_ = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: service, labels },
    spec: { selector: labels, ports: [{ name: "http", port, targetPort: "http" }] },
  };
  const budget = {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: service },
    spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
  };
  return [deployment, service_, budget];
}

function goodManifests(replicas = 2) {
  return [
    ...[...SERVICES, CONSOLE].flatMap((service) => goodServiceObjects(service, replicas)),
    {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "ServiceMonitor",
      metadata: { name: "drsuite" },
      spec: {
        selector: { matchLabels: { "app.kubernetes.io/part-of": "drsuite" } },
        endpoints: [{ port: "http", path: "/q/metrics" }],
      },
    },
    { apiVersion: "v1", kind: "Secret", metadata: { name: "drsuite-db" }, type: "Opaque" },
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "drsuite-config" },
      data: { QUARKUS_HTTP_HOST: "0.0.0.0" },
    },
    ...goodNetworkPolicies(),
  ];
}

function goodNetworkPolicies() {
  const policy = (name, spec) => ({
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name },
    spec: { podSelector: { matchLabels: { "app.kubernetes.io/part-of": "drsuite" } }, ...spec },
  });
  const namespace = (name) => ({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": name } } });
  return [
    policy("drsuite-default-deny", { policyTypes: ["Ingress", "Egress"] }),
    policy("drsuite-ingress-from-ingress-controller", {
      policyTypes: ["Ingress"],
      ingress: [{ from: [namespace("ingress-nginx")], ports: [{ port: "http", protocol: "TCP" }] }],
    }),
    policy("drsuite-egress-kafka", {
      policyTypes: ["Egress"],
      egress: [{ to: [namespace("drsuite-infra")], ports: [{ port: 9092, protocol: "TCP" }] }],
    }),
    // The console calls the five services.
    {
      ...policy("drsuite-ingress-from-console"),
      spec: {
        podSelector: { matchExpressions: [{ key: "app.kubernetes.io/name", operator: "In", values: SERVICES }] },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [{ podSelector: { matchLabels: { "app.kubernetes.io/name": CONSOLE } } }],
            ports: [{ port: "http", protocol: "TCP" }],
          },
        ],
      },
    },
  ];
}

const networkPolicy = (objects, name) => objects.find((o) => o.kind === "NetworkPolicy" && o.metadata.name === name);

/** goodManifests() with one change made by edit(objects). */
function brokenManifests(edit) {
  const objects = structuredClone(goodManifests());
  edit(objects);
  return objects;
}

const firstDeployment = (objects) => objects.find((o) => o.kind === "Deployment");
const firstContainer = (objects) => firstDeployment(objects).spec.template.spec.containers[0];

const GOOD_JVM_DOCKERFILE = `# task-service on the JVM.
ARG JAVA_IMAGE=eclipse-temurin:25.0.3_9-jre-noble
FROM \${JAVA_IMAGE}
ARG PG_MAJORS="15 16 17"
RUN echo 'create_main_cluster = false' >> /etc/postgresql-common/createcluster.conf \\
    && for major in $PG_MAJORS; do \\
        apt-get install -y --no-install-recommends postgresql-client-$major postgresql-$major; \\
    done
RUN useradd --uid 185 --gid 0 drsuite
COPY --chown=185:0 target/quarkus-app/ /deployments/
USER 185
ENTRYPOINT ["java", "-XX:AOTCache=/deployments/app.aot", "-jar", "/deployments/quarkus-run.jar"]
`;

const GOOD_NATIVE_DOCKERFILE = `FROM quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25 AS build
COPY . /code/
RUN ./mvnw -B -pl monitor-service -am package -Pnative -DskipTests
FROM quay.io/quarkus/quarkus-micro-image:2.0
COPY --from=build /code/monitor-service/target/*-runner /deployments/application
USER 1001
ENTRYPOINT ["./application"]
`;

function goodCompose() {
  const healthcheck = { test: ["CMD", "true"], interval: "5s", timeout: "3s", retries: 10 };
  const environment = Object.fromEntries(COMPOSE_SERVICE_ENVIRONMENT.map((name) => [name, "x"]));
  const dependsOn = { "control-plane-db": { condition: "service_healthy" }, kafka: { condition: "service_healthy" } };
  return {
    services: {
      ...Object.fromEntries(COMPOSE_INFRASTRUCTURE.map((name) => [name, { image: "postgres:17.5", healthcheck }])),
      [CONSOLE]: {
        build: { context: "../../console", dockerfile: "src/main/docker/Dockerfile.jvm" },
        ports: ["8080:8080"],
        environment: Object.fromEntries(COMPOSE_CONSOLE_ENVIRONMENT.map((name) => [name, "x"])),
        depends_on: { kafka: { condition: "service_healthy" }, keycloak: { condition: "service_healthy" } },
        healthcheck,
      },
      ...Object.fromEntries(
        SERVICES.map((name) => [
          name,
          {
            build: { context: `../../${name}`, dockerfile: "src/main/docker/Dockerfile.jvm" },
            ports: [`${SERVICE_PORTS[name]}:${SERVICE_PORTS[name]}`],
            environment,
            depends_on: dependsOn,
            healthcheck,
          },
        ]),
      ),
    },
  };
}

/** A compose file's directory and a fake file system holding every path it names. */
const COMPOSE_DIRECTORY = "/self-test/deploy/compose";
const everythingExists = () => true;

async function selfTestCases() {
  const dockerfile = (path, text) => dockerfileFindings(path, text).problems;
  const compose = (document, exists = everythingExists) => composeProblems(document, COMPOSE_DIRECTORY, exists);

  return [
    ["good manifests pass (production)", async () => expectNone(await manifestProblems(goodManifests(), "production"))],
    [
      "a Deployment without probes is caught",
      async () => {
        const objects = brokenManifests((o) => {
          delete firstContainer(o).livenessProbe;
          delete firstContainer(o).startupProbe;
        });
        return [
          ...expectCaught(await manifestProblems(objects, "dev"), "livenessProbe"),
          ...expectCaught(await manifestProblems(objects, "dev"), "startupProbe"),
        ];
      },
    ],
    [
      "a Secret with data is caught",
      async () => {
        const objects = brokenManifests((o) => {
          o.find((x) => x.kind === "Secret").data = { password: "c2VjcmV0" };
        });
        return expectCaught(await manifestProblems(objects, "dev"), "carries data");
      },
    ],
    [
      "a literal PASSWORD value is caught",
      async () => {
        const objects = brokenManifests((o) => {
          firstContainer(o).env[0] = { name: "DRSUITE_DB_PASSWORD", value: "drsuite" };
        });
        return expectCaught(await manifestProblems(objects, "dev"), "DRSUITE_DB_PASSWORD must come from");
      },
    ],
    [
      "sign-in settings outside Secret drsuite-oidc are caught",
      async () => {
        const objects = brokenManifests((o) => {
          const env = firstContainer(o).env;
          env.find((v) => v.name === "DRSUITE_OIDC_ISSUER").valueFrom = {
            configMapKeyRef: { name: "drsuite-config", key: "DRSUITE_OIDC_ISSUER" },
          };
          delete env.find((v) => v.name === "DRSUITE_OIDC_JWKS_URL").valueFrom.secretKeyRef.optional;
          o.find((x) => x.kind === "ConfigMap").data.DRSUITE_OIDC_AUDIENCE = "drsuite-api";
        });
        const problems = await manifestProblems(objects, "dev");
        return [
          ...expectCaught(problems, "DRSUITE_OIDC_ISSUER must come from valueFrom.secretKeyRef drsuite-oidc"),
          ...expectCaught(problems, "DRSUITE_OIDC_JWKS_URL must come from secretKeyRef drsuite-oidc with optional"),
          ...expectCaught(problems, "reads DRSUITE_OIDC_AUDIENCE from ConfigMap drsuite-config"),
        ];
      },
    ],
    [
      "suite pods without a default-deny NetworkPolicy and policies selecting nothing or a missing service are caught",
      async () => {
        const objects = brokenManifests((o) => {
          networkPolicy(o, "drsuite-default-deny").spec.podSelector.matchLabels["app.kubernetes.io/part-of"] = "drsuit";
          networkPolicy(o, "drsuite-egress-kafka").spec.podSelector.matchExpressions = [
            { key: "app.kubernetes.io/name", operator: "In", values: ["task-service", "snapshots-service"] },
          ];
        });
        const problems = await manifestProblems(objects, "dev");
        return [
          ...expectCaught(problems, "no NetworkPolicy denies Ingress to its pods by default"),
          ...expectCaught(problems, "no NetworkPolicy denies Egress to its pods by default"),
          ...expectCaught(problems, "NetworkPolicy/drsuite-default-deny: selects no pod"),
          ...expectCaught(problems, "selects app.kubernetes.io/name snapshots-service, which no Deployment has"),
        ];
      },
    ],
    [
      "NetworkPolicy rules open to the suite's own pods, another port, any source or any port are caught",
      async () => {
        const objects = brokenManifests((o) => {
          const ingress = networkPolicy(o, "drsuite-ingress-from-ingress-controller").spec.ingress;
          ingress.push({ from: [{ podSelector: { matchLabels: { "app.kubernetes.io/name": "task-service" } } }] });
          ingress.push({ ports: [{ port: 8443 }] });
          networkPolicy(o, "drsuite-egress-kafka").spec.egress[0].ports = [];
        });
        const problems = await manifestProblems(objects, "dev");
        return [
          ...expectCaught(problems, "ingress rule 2 admits the suite's own pods"),
          ...expectCaught(problems, "ingress rule 2 opens every port"),
          ...expectCaught(problems, "ingress rule 3 has no from"),
          ...expectCaught(problems, "ingress rule 3 opens port 8443"),
          ...expectCaught(problems, "NetworkPolicy/drsuite-egress-kafka: egress rule 1 opens every port"),
        ];
      },
    ],
    [
      "the console admitted to more than the services is caught",
      async () => {
        const objects = brokenManifests((o) => {
          networkPolicy(o, "drsuite-ingress-from-console").spec.podSelector = {
            matchLabels: { "app.kubernetes.io/part-of": "drsuite" },
          };
        });
        return expectCaught(await manifestProblems(objects, "dev"), "only the console may reach the services");
      },
    ],
    [
      "Swagger UI or the OpenAPI document served in production is caught",
      async () => {
        const objects = brokenManifests((o) => {
          const env = firstContainer(o).env;
          env.find((v) => v.name === "QUARKUS_SWAGGER_UI_ENABLED").value = "true";
          env.splice(env.findIndex((v) => v.name === "QUARKUS_SMALLRYE_OPENAPI_ENABLED"), 1);
        });
        const problems = await manifestProblems(objects, "production");
        return [
          ...expectCaught(problems, 'needs env QUARKUS_SWAGGER_UI_ENABLED: "false" in production'),
          ...expectCaught(problems, 'needs env QUARKUS_SMALLRYE_OPENAPI_ENABLED: "false" in production'),
          ...expectNone(await manifestProblems(objects, "dev")),
        ];
      },
    ],
    [
      "/q/metrics closed while the ServiceMonitor scrapes without a token, and a permission without policy, are caught",
      async () => {
        const permission = (name, value) => ({ name: `QUARKUS_HTTP_AUTH_PERMISSION_${name}`, value });
        const objects = brokenManifests((o) => {
          firstContainer(o).env.push(
            permission("METRICS_PATHS", "/q/*"),
            permission("METRICS_POLICY", "authenticated"),
            permission("OPS_PATHS", "/ops"),
          );
        });
        const signedIn = structuredClone(objects);
        signedIn.find((x) => x.kind === "ServiceMonitor").spec.endpoints[0].oauth2 = {
          clientId: { secret: { name: "drsuite-metrics-client", key: "client-id" } },
          clientSecret: { name: "drsuite-metrics-client", key: "client-secret" },
          tokenUrl: "https://idp.example/token",
        };
        const problems = await manifestProblems(objects, "production+metrics-sign-in");
        return [
          ...expectCaught(problems, "ServiceMonitor/drsuite: /q/metrics needs a token here"),
          ...expectCaught(problems, "sets QUARKUS_HTTP_AUTH_PERMISSION_OPS_PATHS without"),
          ...expectNone(
            (await manifestProblems(signedIn, "production+metrics-sign-in")).filter((p) => p.includes("/q/metrics")),
          ),
        ];
      },
    ],
    [
      "infrastructure policies: good ones pass; one for a whole namespace, without the suite or a namespace is caught",
      async () => {
        const good = () => ({
          apiVersion: "networking.k8s.io/v1",
          kind: "NetworkPolicy",
          metadata: { name: "drsuite-kafka", namespace: "drsuite-infra" },
          spec: {
            podSelector: { matchLabels: { "app.kubernetes.io/name": "kafka" } },
            policyTypes: ["Ingress"],
            ingress: [
              {
                from: [
                  {
                    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "drsuite" } },
                    podSelector: { matchLabels: { "app.kubernetes.io/part-of": "drsuite" } },
                  },
                ],
                ports: [{ port: 9092, protocol: "TCP" }],
              },
            ],
          },
        });
        const broken = good();
        delete broken.metadata.namespace;
        broken.spec.podSelector = {};
        delete broken.spec.ingress[0].from[0].namespaceSelector;
        const objects = [broken, ...goodServiceObjects("task-service", 1)];
        const problems = await manifestProblems(objects, INFRASTRUCTURE_RENDERING);
        return [
          ...expectNone(await manifestProblems([good()], INFRASTRUCTURE_RENDERING)),
          ...expectCaught(problems, "has no namespace"),
          ...expectCaught(problems, "selects every pod of its namespace"),
          ...expectCaught(problems, "no ingress rule admits the suite's pods"),
          ...expectCaught(problems, "Deployment/task-service: infrastructure-policies holds NetworkPolicies only"),
        ];
      },
    ],
    [
      "one replica in production is caught",
      async () => expectCaught(await manifestProblems(goodManifests(1), "production"), "replicas >= 2"),
    ],
    [
      "a Deployment without a Service and PodDisruptionBudget is caught",
      async () => {
        const objects = brokenManifests((o) => {
          for (const object of o.filter((x) => x.kind === "Service" || x.kind === "PodDisruptionBudget")) {
            object.spec.selector = object.kind === "Service" ? { app: "other" } : { matchLabels: { app: "other" } };
          }
        });
        return [
          ...expectCaught(await manifestProblems(objects, "dev"), "no Service selects"),
          ...expectCaught(await manifestProblems(objects, "dev"), "no PodDisruptionBudget selects"),
        ];
      },
    ],
    [
      "an unknown kind and a schema error are caught",
      async () => {
        const objects = brokenManifests((o) => {
          o.push({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } });
          firstDeployment(o).spec.replicas = "two";
        });
        return [
          ...expectCaught(await manifestProblems(objects, "dev"), "unknown apiVersion/kind"),
          ...expectCaught(await manifestProblems(objects, "dev"), "must be integer"),
        ];
      },
    ],
    [
      "good Dockerfiles pass",
      async () => [
        ...expectNone(dockerfile("task-service/src/main/docker/Dockerfile.jvm", GOOD_JVM_DOCKERFILE)),
        ...expectNone(dockerfile("monitor-service/src/main/docker/Dockerfile.native", GOOD_NATIVE_DOCKERFILE)),
      ],
    ],
    [
      "FROM x:latest and an untagged ARG default are caught",
      async () => [
        ...expectCaught(dockerfile("deploy/compose/demo-node/Dockerfile", "FROM x:latest\nUSER 1000\n"), "latest"),
        ...expectCaught(dockerfile("deploy/x/Dockerfile", "ARG BASE=ubuntu\nFROM ${BASE}\nUSER 1000\n"), "no tag"),
      ],
    ],
    [
      "a root or missing USER is caught",
      async () => [
        ...expectCaught(dockerfile("deploy/x/Dockerfile", "FROM ubuntu:24.04\n"), "no USER"),
        ...expectCaught(dockerfile("deploy/x/Dockerfile", "FROM ubuntu:24.04\nUSER 185\nUSER root\n"), "runs as root"),
      ],
    ],
    [
      "a task-service image without pg_rewind's package or the AOT cache is caught",
      async () => {
        const text = GOOD_JVM_DOCKERFILE.replace(" postgresql-$major;", ";").replace(
          '"-XX:AOTCache=/deployments/app.aot", ',
          "",
        );
        return [
          ...expectCaught(dockerfile("task-service/src/main/docker/Dockerfile.jvm", text), "pg_rewind"),
          ...expectCaught(dockerfile("task-service/src/main/docker/Dockerfile.jvm", text), "AOTCache"),
        ];
      },
    ],
    [
      "a native Dockerfile without a Mandrel build stage is caught",
      async () =>
        expectCaught(
          dockerfile(
            "monitor-service/src/main/docker/Dockerfile.native",
            "FROM quay.io/quarkus/quarkus-micro-image:2.0\nUSER 1001\n",
          ),
          "build stage",
        ),
    ],
    ["a good compose file passes", async () => expectNone(compose(goodCompose()))],
    [
      "a compose service without healthcheck is caught",
      async () => {
        const document = goodCompose();
        delete document.services["task-service"].healthcheck;
        delete document.services.kafka.healthcheck;
        return [
          ...expectCaught(compose(document), "service task-service has no healthcheck"),
          ...expectCaught(compose(document), "service kafka has no healthcheck"),
        ];
      },
    ],
    [
      "compose: a missing variable, dependency, Dockerfile and schema error are caught",
      async () => {
        const document = goodCompose();
        delete document.services["snapshot-service"].environment.DRSUITE_SECRETS_KEY;
        document.services["monitor-service"].depends_on.kafka = { condition: "service_started" };
        document.services.dr.healthcheck = { ...document.services.dr.healthcheck, interval: "soon" };
        delete document.services.console.environment.DRSUITE_CONSOLE_SESSION_SECRET;
        delete document.services.console.depends_on.keycloak;
        const problems = compose(document, (path) => !path.endsWith("Dockerfile.jvm"));
        return [
          ...expectCaught(problems, "environment lacks DRSUITE_SECRETS_KEY"),
          ...expectCaught(problems, "depends_on kafka needs condition: service_healthy"),
          ...expectCaught(problems, "build dockerfile src/main/docker/Dockerfile.jvm does not exist"),
          ...expectCaught(problems, "schema: /services/dr/healthcheck/interval"),
          ...expectCaught(problems, "service console: environment lacks DRSUITE_CONSOLE_SESSION_SECRET"),
          ...expectCaught(problems, "service console: depends_on keycloak needs condition: service_healthy"),
        ];
      },
    ],
  ];
}

const report = new Report();
await runSelfTestCases(await selfTestCases(), report);
report.finish("deploy checks self-test", !process.argv.includes("--no-summary"));
