import { randomUUID } from 'node:crypto';
import {
  FOLDER_DEPTH_MAX,
  FOLDERS_MAX,
  SAVED_BODY_MAX_BYTES,
  SAVED_MAX,
  type CollectionsView,
  type Folder,
  type SavedRequest,
} from '../../../shared/console/collections';
import type { ConsoleRequest } from '../../../shared/console/request';
import { systemClock, type Clock } from '../clock';
import { CoreError, notFound } from '../errors';
import { folderAndDescendants, type ConsoleDb, type ConsoleFile, type ConsoleOp } from './console-db';
import { sanitizeRequest } from './sanitize';

/**
 * Collections (issue 13): folders of saved requests, nested, in the user's order. Requests are
 * sanitized like history's (sanitize.ts) before they reach an op. Moves renumber the siblings in the
 * same commit, so an order is always 0…n-1 and two processes moving at once still agree.
 */
export class ConsoleCollections {
  constructor(
    private readonly db: ConsoleDb,
    private readonly clock: Clock = systemClock,
    private readonly newId: () => string = randomUUID,
  ) {}

  /** Folders and requests, each sorted by their order. */
  view(): CollectionsView {
    const { folders, saved } = this.db.snapshot();
    return {
      folders: [...folders].sort((a, b) => a.order - b.order),
      saved: [...saved].sort((a, b) => a.order - b.order),
    };
  }

  getSaved(id: string): SavedRequest {
    const saved = this.db.snapshot().saved.find((candidate) => candidate.id === id);
    if (!saved) throw notFound('This saved request');
    return saved;
  }

  /**
   * Save as: a new request at the end of `folderId`, or of the collection named `collection` (made when
   * there is none, for the entry's service or the URL's host).
   */
  async save(
    input: { name: string; request: ConsoleRequest; place: { folderId: string } | { collection: string } },
    keys: readonly string[],
  ): Promise<SavedRequest> {
    const sanitized = sanitizeForSaving(input.request, keys);
    const now = this.clock.now().toISOString();
    return this.db.commit((data) => {
      if (data.saved.length >= SAVED_MAX)
        throw new CoreError('INVALID_INPUT', `At most ${SAVED_MAX} saved requests: delete some first.`);
      const ops: ConsoleOp[] = [];
      let folderId: string;
      if ('folderId' in input.place) {
        folderId = input.place.folderId;
        if (!data.folders.some((folder) => folder.id === folderId)) throw notFound('This folder');
      } else {
        const name = input.place.collection;
        const existing = data.folders.find((folder) => folder.parentId === null && folder.name === name);
        if (existing) folderId = existing.id;
        else {
          const folder = this.newFolder(data, name, null, now);
          ops.push({ type: 'folder.insert', folder });
          folderId = folder.id;
        }
      }
      const saved: SavedRequest = {
        id: this.newId(),
        name: input.name,
        folderId,
        order: data.saved.filter((item) => item.folderId === folderId).length,
        request: sanitized.request,
        secretsRemoved: sanitized.secretsRemoved,
        createdAt: now,
        updatedAt: now,
      };
      ops.push({ type: 'saved.insert', saved });
      return { ops, result: saved };
    });
  }

  /** Save: the request takes the edited one, in place. */
  async update(id: string, change: { name?: string; request?: ConsoleRequest }, keys: readonly string[]) {
    const sanitized = change.request ? sanitizeForSaving(change.request, keys) : null;
    const patch = {
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(sanitized ? { request: sanitized.request, secretsRemoved: sanitized.secretsRemoved } : {}),
      updatedAt: this.clock.now().toISOString(),
    };
    return this.db.commit((data) => {
      const current = data.saved.find((candidate) => candidate.id === id);
      if (!current) throw notFound('This saved request');
      return { ops: [{ type: 'saved.patch', id, patch }], result: { ...current, ...patch } as SavedRequest };
    });
  }

  async deleteSaved(id: string): Promise<void> {
    await this.db.commit((data) => {
      if (!data.saved.some((saved) => saved.id === id)) throw notFound('This saved request');
      return { ops: [{ type: 'saved.delete', id }], result: undefined };
    });
  }

  /** Into `folderId` at `index` among its requests; both folders are renumbered. */
  async moveSaved(id: string, folderId: string, index: number): Promise<SavedRequest> {
    return this.db.commit((data) => {
      const moving = data.saved.find((candidate) => candidate.id === id);
      if (!moving) throw notFound('This saved request');
      if (!data.folders.some((folder) => folder.id === folderId)) throw notFound('This folder');
      const siblings = data.saved
        .filter((item) => item.folderId === folderId && item.id !== id)
        .sort((a, b) => a.order - b.order);
      siblings.splice(Math.min(index, siblings.length), 0, moving);
      const ops: ConsoleOp[] = siblings.map((item, order): ConsoleOp => ({
        type: 'saved.patch',
        id: item.id,
        patch: item.id === id ? { folderId, order } : { order },
      }));
      if (moving.folderId !== folderId) {
        const left = data.saved
          .filter((item) => item.folderId === moving.folderId && item.id !== id)
          .sort((a, b) => a.order - b.order);
        ops.push(...left.map((item, order): ConsoleOp => ({ type: 'saved.patch', id: item.id, patch: { order } })));
      }
      return { ops, result: { ...moving, folderId, order: siblings.indexOf(moving) } };
    });
  }

  async createFolder(name: string, parentId: string | null): Promise<Folder> {
    const now = this.clock.now().toISOString();
    return this.db.commit((data) => {
      if (parentId !== null) this.checkDepth(data, parentId, 1);
      const folder = this.newFolder(data, name, parentId, now);
      return { ops: [{ type: 'folder.insert', folder }], result: folder };
    });
  }

  async renameFolder(id: string, name: string): Promise<Folder> {
    return this.db.commit((data) => {
      const folder = data.folders.find((candidate) => candidate.id === id);
      if (!folder) throw notFound('This folder');
      return { ops: [{ type: 'folder.patch', id, patch: { name } }], result: { ...folder, name } };
    });
  }

  /** Under `parentId` (null: a collection) at `index` among its folders; never into itself. */
  async moveFolder(id: string, parentId: string | null, index: number): Promise<Folder> {
    return this.db.commit((data) => {
      const moving = data.folders.find((candidate) => candidate.id === id);
      if (!moving) throw notFound('This folder');
      if (parentId !== null) {
        if (folderAndDescendants(data, id).has(parentId))
          throw new CoreError('INVALID_INPUT', 'A folder cannot go inside itself.');
        this.checkDepth(data, parentId, depthBelow(data, id) + 1);
      }
      const siblings = data.folders
        .filter((folder) => folder.parentId === parentId && folder.id !== id)
        .sort((a, b) => a.order - b.order);
      siblings.splice(Math.min(index, siblings.length), 0, moving);
      const ops: ConsoleOp[] = siblings.map((folder, order): ConsoleOp => ({
        type: 'folder.patch',
        id: folder.id,
        patch: folder.id === id ? { parentId, order } : { order },
      }));
      return { ops, result: { ...moving, parentId, order: siblings.indexOf(moving) } };
    });
  }

  /** The folder, its folders and their requests. */
  async deleteFolder(id: string): Promise<{ folders: number; requests: number }> {
    return this.db.commit((data) => {
      if (!data.folders.some((folder) => folder.id === id)) throw notFound('This folder');
      const gone = folderAndDescendants(data, id);
      const requests = data.saved.filter((saved) => gone.has(saved.folderId)).length;
      return { ops: [{ type: 'folder.delete', id }], result: { folders: gone.size, requests } };
    });
  }

  private newFolder(data: ConsoleFile, name: string, parentId: string | null, now: string): Folder {
    if (data.folders.length >= FOLDERS_MAX)
      throw new CoreError('INVALID_INPUT', `At most ${FOLDERS_MAX} folders: delete some first.`);
    if (parentId !== null && !data.folders.some((folder) => folder.id === parentId)) throw notFound('This folder');
    const order = data.folders.filter((folder) => folder.parentId === parentId).length;
    return { id: this.newId(), name, parentId, order, createdAt: now };
  }

  /** Refuses a folder `extra` levels below `parentId` that would go deeper than FOLDER_DEPTH_MAX. */
  private checkDepth(data: ConsoleFile, parentId: string, extra: number): void {
    const byId = new Map(data.folders.map((folder) => [folder.id, folder]));
    if (!byId.has(parentId)) throw notFound('This folder');
    let depth = 0;
    for (let at = byId.get(parentId); at; at = at.parentId === null ? undefined : byId.get(at.parentId)) depth++;
    if (depth + extra > FOLDER_DEPTH_MAX)
      throw new CoreError('INVALID_INPUT', `Folders can be at most ${FOLDER_DEPTH_MAX} deep.`);
  }
}

/** How many levels of folders sit below `id` (0 for a folder without folders). */
function depthBelow(data: ConsoleFile, id: string): number {
  const children = data.folders.filter((folder) => folder.parentId === id);
  return children.length === 0 ? 0 : 1 + Math.max(...children.map((child) => depthBelow(data, child.id)));
}

function sanitizeForSaving(request: ConsoleRequest, keys: readonly string[]) {
  const sanitized = sanitizeRequest(request, keys, SAVED_BODY_MAX_BYTES);
  if (sanitized.bodyOmittedBytes !== null)
    throw new CoreError('INVALID_INPUT', 'A saved request can have a body of at most 1 MB.');
  return sanitized;
}
