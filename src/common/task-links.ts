/**
 * Links a task's response carries to what its step works on (`links` of GET /tasks and
 * GET /tasks/{id}), so a client can open it from the task. Modules that keep something for a step
 * register a source in their `onModuleInit`; the tasks module asks every source for a page of tasks
 * at once.
 */
export interface TaskRef {
  id: string;
  instanceId: string;
  elementId: string;
  createdAt: Date;
  /** The names of its form fields. */
  form: Array<{ name: string }>;
}

/** Links by task id (name → API path) for those of the tasks the source has something for. */
export type TaskLinkSource = (tasks: TaskRef[]) => Promise<Map<string, Record<string, string>>>;

/** The registry of task link sources (provided by the tasks module). */
export class TaskLinks {
  private readonly sources: TaskLinkSource[] = [];

  register(source: TaskLinkSource): void {
    this.sources.push(source);
  }

  /** Every source's links, merged per task. */
  async of(tasks: TaskRef[]): Promise<Map<string, Record<string, string>>> {
    const links = new Map<string, Record<string, string>>();
    if (!tasks.length) return links;
    for (const found of await Promise.all(this.sources.map((source) => source(tasks))))
      for (const [id, named] of found) links.set(id, { ...links.get(id), ...named });
    return links;
  }
}
