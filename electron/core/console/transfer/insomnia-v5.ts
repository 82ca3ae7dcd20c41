import { invalid, isRecord, listOf, recordOf, textOf, type Rec } from './foreign-data';
import { TRANSFER_LIMITS } from './transfer-collection';

/**
 * Insomnia 11's v5 YAML file (`type: collection.insomnia.rest/5.0`): a nested `collection` of folders
 * (`children`) and requests, and `environments` as a base with `subEnvironments`. It is flattened to
 * v4's resources (`_id`, `_type`, `parentId`, `metaSortKey`), the way Insomnia imports it, so one
 * converter reads both.
 */
const V5_TYPE = /^(collection|spec|environment|mock)\.insomnia\.rest\/(\d+)\.\d+$/;

export function isInsomniaV5(data: unknown): boolean {
  return isRecord(data) && /\.insomnia\.rest\//.test(textOf(data.type));
}

export function insomniaV5Resources(file: Rec): Rec[] {
  const match = V5_TYPE.exec(textOf(file.type));
  if (!match || match[2] !== '5') {
    throw invalid(
      `This Insomnia file (${textOf(file.type).slice(0, 80)}) is not supported; Keyhaven imports v5 collections and format 4 exports.`,
    );
  }
  if (match[1] === 'mock') throw invalid('This Insomnia file is a mock server, not a collection of requests.');
  const workspaceId = textOf(recordOf(file.meta).id) || '__workspace__';
  const resources: Rec[] = [{ _id: workspaceId, _type: 'workspace', name: textOf(file.name) }];
  let counter = 0;
  // Ids only link resources here; generated ones stand in where a hand-written file left them out.
  const idOf = (item: Rec, prefix: string) => textOf(recordOf(item.meta).id) || `__${prefix}_${(counter += 1)}__`;

  const walk = (items: unknown[], parentId: string, depth: number) => {
    if (depth > TRANSFER_LIMITS.depth) {
      throw invalid(
        `This collection nests folders more than ${TRANSFER_LIMITS.depth} deep; Keyhaven does not import it.`,
      );
    }
    for (const item of items.filter(isRecord)) {
      const meta = recordOf(item.meta);
      const common = { name: textOf(item.name), parentId, metaSortKey: meta.sortKey };
      if (Array.isArray(item.children)) {
        const id = idOf(item, 'fld');
        resources.push({ ...common, _id: id, _type: 'request_group', authentication: item.authentication });
        walk(item.children, id, depth + 1);
      } else if (typeof item.method === 'string') {
        resources.push({ ...item, ...common, _id: idOf(item, 'req'), _type: 'request' });
      } else {
        // WebSocket, gRPC and Socket.IO requests have no method.
        resources.push({ ...common, _id: idOf(item, 'other'), _type: 'websocket_request' });
      }
    }
  };
  walk(listOf(file.collection), workspaceId, 0);
  resources.push(...environmentResources(file.environments, workspaceId, idOf));
  return resources;
}

function environmentResources(value: unknown, workspaceId: string, idOf: (item: Rec, prefix: string) => string) {
  // Insomnia writes one base environment; some generators write a list of them.
  const bases = Array.isArray(value) ? value.filter(isRecord) : isRecord(value) ? [value] : [];
  const out: Rec[] = [];
  for (const base of bases) {
    const baseId = idOf(base, 'env');
    out.push({ ...base, _id: baseId, _type: 'environment', parentId: workspaceId, name: textOf(base.name) });
    listOf(base.subEnvironments)
      .filter(isRecord)
      .forEach((sub, index) => {
        const sortKey = recordOf(sub.meta).sortKey;
        out.push({
          ...sub,
          _id: idOf(sub, 'env'),
          _type: 'environment',
          parentId: baseId,
          name: textOf(sub.name) || `Environment ${index + 1}`,
          metaSortKey: typeof sortKey === 'number' ? sortKey : index,
        });
      });
  }
  return out;
}
