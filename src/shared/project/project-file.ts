// The project file: a versioned JSON envelope around the graph, training settings and runs; parse, check, write.
import { GRAPH_DOC_VERSION, LAYER_TYPES, type GraphDoc } from '../graph/schema.ts';

export const PROJECT_FORMAT = 'convnet-studio-project';
export const PROJECT_VERSION = 1;
/** The extension the app suggests for project files. */
export const PROJECT_EXTENSION = '.convnet.json';

export type JsonObject = { [key: string]: unknown };

export interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  /** ISO time of the save; informative only. */
  savedAt: string;
  graph: GraphDoc;
  /** Owned by the training feature; kept as written. */
  training: JsonObject;
  /** Owned by the runs feature; kept as written. */
  runs: JsonObject[];
}

export type ProjectErrorCode =
  'empty-file' | 'not-json' | 'not-a-project' | 'newer-version' | 'bad-version' | 'bad-graph';

export interface ProjectError {
  code: ProjectErrorCode;
  /** A sentence saying what is wrong and what to do. */
  message: string;
  messageEs: string;
}

export type ParseResult = { ok: true; project: ProjectFile } | { ok: false; error: ProjectError };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function fail(code: ProjectErrorCode, message: string, messageEs: string): ParseResult {
  return { ok: false, error: { code, message, messageEs } };
}

/** Finds the first structural problem of a graph document, as [en, es], or null when it is well formed. */
export function graphProblem(g: unknown): [string, string] | null {
  if (!isObject(g)) return ['it has no graph', 'no contiene ningún grafo'];
  if (g.version !== GRAPH_DOC_VERSION)
    return [
      `its graph has version ${JSON.stringify(g.version)}, expected ${GRAPH_DOC_VERSION}`,
      `su grafo tiene versión ${JSON.stringify(g.version)}, se esperaba ${GRAPH_DOC_VERSION}`,
    ];
  if (typeof g.name !== 'string') return ['its graph has no name', 'su grafo no tiene nombre'];
  if (!Array.isArray(g.nodes) || !Array.isArray(g.edges))
    return [
      'its graph lacks the lists of nodes and edges',
      'a su grafo le faltan las listas de nodos y aristas',
    ];
  const ids = new Set<string>();
  for (const [i, n] of g.nodes.entries()) {
    const where = `graph.nodes[${i}]`;
    if (!isObject(n) || typeof n.id !== 'string' || typeof n.name !== 'string')
      return [`${where} has no id or name`, `${where} no tiene id o nombre`];
    if (!(LAYER_TYPES as readonly unknown[]).includes(n.type))
      return [
        `${where} has the layer type ${JSON.stringify(n.type)}, which this version does not know`,
        `${where} tiene el tipo de capa ${JSON.stringify(n.type)}, que esta versión no conoce`,
      ];
    if (!isObject(n.params)) return [`${where} has no params`, `${where} no tiene params`];
    if (!isObject(n.position) || !isNum(n.position.x) || !isNum(n.position.y))
      return [`${where} has no position`, `${where} no tiene posición`];
    if (ids.has(n.id)) return [`${where} repeats the id ${n.id}`, `${where} repite el id ${n.id}`];
    ids.add(n.id);
  }
  for (const [i, e] of g.edges.entries()) {
    const where = `graph.edges[${i}]`;
    if (
      !isObject(e) ||
      typeof e.id !== 'string' ||
      typeof e.source !== 'string' ||
      typeof e.target !== 'string'
    )
      return [`${where} has no id, source or target`, `${where} no tiene id, origen o destino`];
    if (!ids.has(e.source) || !ids.has(e.target))
      return [
        `${where} connects a layer that is not in the file`,
        `${where} conecta una capa que no está en el archivo`,
      ];
  }
  return null;
}

/**
 * Reads a project file's text. Never throws: a corrupt, foreign or newer file gives an error
 * sentence saying what is wrong; the caller then changes nothing.
 */
export function parseProject(text: string): ParseResult {
  if (text.trim() === '')
    return fail(
      'empty-file',
      'The file is empty: choose a project file saved by Convnet Studio.',
      'El archivo está vacío: elige un archivo de proyecto guardado por Convnet Studio.',
    );
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail(
      'not-json',
      'The file is not valid JSON (it may be cut short or damaged): open another copy or a recent autosave.',
      'El archivo no es JSON válido (puede estar cortado o dañado): abre otra copia o un autoguardado reciente.',
    );
  }
  if (!isObject(raw) || raw.format !== PROJECT_FORMAT)
    return fail(
      'not-a-project',
      'This JSON file is not a Convnet Studio project. To bring in a Keras or tfjs model, use "Import Keras JSON" instead.',
      'Este archivo JSON no es un proyecto de Convnet Studio. Para traer un modelo de Keras o tfjs, usa "Importar JSON de Keras".',
    );
  const v = raw.version;
  if (isNum(v) && Number.isInteger(v) && v > PROJECT_VERSION)
    return fail(
      'newer-version',
      `This project was saved by a newer Convnet Studio (file version ${v}, this one reads up to ${PROJECT_VERSION}): update the app to open it.`,
      `Este proyecto se guardó con un Convnet Studio más nuevo (versión de archivo ${v}; esta lee hasta la ${PROJECT_VERSION}): actualiza la aplicación para abrirlo.`,
    );
  if (v !== PROJECT_VERSION)
    return fail(
      'bad-version',
      `The project file has an invalid version (${JSON.stringify(v)}): it may have been edited by hand; open another copy.`,
      `El archivo de proyecto tiene una versión no válida (${JSON.stringify(v)}): puede haberse editado a mano; abre otra copia.`,
    );
  const problem = graphProblem(raw.graph);
  if (problem)
    return fail(
      'bad-graph',
      `The project file is damaged: ${problem[0]}. Open another copy or a recent autosave.`,
      `El archivo de proyecto está dañado: ${problem[1]}. Abre otra copia o un autoguardado reciente.`,
    );
  const project: ProjectFile = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : '',
    graph: raw.graph as unknown as GraphDoc,
    training: isObject(raw.training) ? raw.training : {},
    runs: Array.isArray(raw.runs) ? raw.runs.filter(isObject) : [],
  };
  return { ok: true, project };
}

/** The text of a project file, pretty-printed so it diffs well. */
export function serializeProject(
  graph: GraphDoc,
  training: JsonObject = {},
  runs: JsonObject[] = [],
  now = new Date(),
): string {
  const file: ProjectFile = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    savedAt: now.toISOString(),
    graph,
    training,
    runs,
  };
  return JSON.stringify(file, null, 2) + '\n';
}
