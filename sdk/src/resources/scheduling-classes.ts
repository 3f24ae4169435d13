import { AlreadyExistsError, ForbiddenError, InvalidError, NotFoundError, ValidationError, describeResource } from '../errors.js';
import type { SchedulingClass, SchedulingClassList } from '../generated/types.js';
import type { CallOptions, HttpTransport } from '../transport/http-transport.js';
import { attemptsOf } from '../transport/http-transport.js';
import { validateSchedulingClass, validateSchedulingClassName } from '../validation/validate-scheduling-class.js';
import { createOnce } from './create-once.js';
import { listAll, listPages, type ListOptions } from './list-pages.js';
import { watchObjects, type WatchEvent, type WatchOptions } from './watch-objects.js';

const apiVersion = 'cozystack.io/v1alpha1';
const kind = 'SchedulingClass';

export type SchedulingClassInput = Omit<SchedulingClass, 'apiVersion' | 'kind'> & {
  apiVersion?: SchedulingClass['apiVersion'];
  kind?: SchedulingClass['kind'];
};

/** Cluster-scoped SchedulingClass objects. */
export class SchedulingClassesResource {
  readonly #transport: HttpTransport;
  constructor(transport: HttpTransport) {
    this.#transport = transport;
  }

  #checkName(name: string): void {
    const issues = validateSchedulingClassName(name, 'name');
    if (issues.length > 0) throw new ValidationError(`the SchedulingClass name ${JSON.stringify(name)}`, issues);
  }

  #path(name?: string): string {
    const base = `/apis/${apiVersion}/schedulingclasses`;
    return name === undefined ? base : `${base}/${encodeURIComponent(name)}`;
  }

  list(options: ListOptions = {}): AsyncGenerator<SchedulingClassList> {
    return listPages<SchedulingClassList>(this.#transport, this.#path(), { kind }, options);
  }

  async listAll(options: ListOptions = {}): Promise<SchedulingClass[]> {
    return (await listAll<SchedulingClass>(this.#transport, this.#path(), { kind }, options)).items;
  }

  async get(name: string, options: CallOptions = {}): Promise<SchedulingClass> {
    this.#checkName(name);
    return this.#transport.request<SchedulingClass>({
      method: 'GET',
      path: this.#path(name),
      retry: 'idempotent',
      resource: { kind, name },
      signal: options.signal,
      timeout: options.timeout,
      expectName: name,
    });
  }

  async create(object: SchedulingClassInput, options: CallOptions = {}): Promise<SchedulingClass> {
    const full = { ...object, apiVersion: object.apiVersion ?? apiVersion, kind: object.kind ?? kind } as SchedulingClass;
    const name = object.metadata.name ?? '';
    const issues = validateSchedulingClass(full);
    if (issues.length > 0) throw new ValidationError(describeResource({ kind, name }), issues);
    return createOnce(this.#transport, this.#path(), full, { kind, name }, () => this.get(name, options), options);
  }

  /**
   * Whether these credentials may create SchedulingClasses: the server answers a dry run
   * (`dryRun=All`) of a probe object, so its authorization and admission decide and nothing is
   * stored. The server authorizes before it checks names and fields, so an AlreadyExists or an
   * Invalid answer also means yes; only Forbidden means no.
   */
  async canCreate(options: CallOptions = {}): Promise<boolean> {
    const probe: SchedulingClass = { apiVersion, kind, metadata: { name: 'hikube-create-access-probe' }, spec: {} };
    try {
      await this.#transport.request<SchedulingClass>({
        method: 'POST',
        path: this.#path(),
        query: { dryRun: 'All' },
        body: probe,
        retry: 'idempotent',
        resource: { kind, name: probe.metadata.name ?? '' },
        ...options,
      });
      return true;
    } catch (error) {
      if (error instanceof ForbiddenError) return false;
      if (error instanceof AlreadyExistsError || error instanceof InvalidError) return true;
      throw error;
    }
  }

  /** Changes to scheduling classes; resumes after drops and re-lists on 410 Gone. */
  watch(options: WatchOptions = {}): AsyncGenerator<WatchEvent<SchedulingClass>> {
    return watchObjects<SchedulingClass>(this.#transport, this.#path(), { kind }, options);
  }

  async delete(name: string, options: CallOptions = {}): Promise<boolean> {
    this.#checkName(name);
    try {
      await this.#transport.request<unknown>({ method: 'DELETE', path: this.#path(name), retry: 'idempotent', resource: { kind, name }, ...options });
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return attemptsOf(error) > 1;
      throw error;
    }
  }
}
