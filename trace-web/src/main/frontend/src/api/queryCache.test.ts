import { describe, expect, it } from 'vitest'
import { QueryCache } from './queryCache'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('QueryCache', () => {
  it('loads a query once and shares the result', async () => {
    const cache = new QueryCache()
    let calls = 0
    const query = { key: 'a', load: async () => ++calls }
    cache.ensure(query)
    cache.ensure(query)
    expect(cache.get('a').status).toBe('loading')
    await flush()
    expect(cache.get('a')).toEqual({ status: 'success', data: 1 })
    expect(calls).toBe(1)
  })

  it('keeps old data while an invalidated query reloads', async () => {
    const cache = new QueryCache()
    let calls = 0
    cache.ensure({ key: 'runs:x', load: async () => ++calls })
    await flush()
    cache.invalidate('runs:')
    expect(cache.get('runs:x')).toEqual({ status: 'loading', data: 1 })
    await flush()
    expect(cache.get('runs:x')).toEqual({ status: 'success', data: 2 })
  })

  it('forgets removed entries, and ignores their loads still under way', async () => {
    const cache = new QueryCache()
    let notified = 0
    cache.subscribe(() => notified++)
    cache.ensure({ key: 'trace:t1', load: async () => 'trace' })
    cache.ensure({ key: 'span:t1:s1', load: async () => 'span' })
    cache.ensure({ key: 'trace:t2', load: async () => 'other' })
    await flush()
    cache.ensure({ key: 'trace:t1', load: async () => 'reloading' })
    cache.invalidate('trace:t1')
    const before = notified
    cache.remove('trace:t1')
    cache.remove('span:t1:')
    expect(notified).toBe(before + 2)
    await flush()
    // Absent keys read as loading.
    expect(cache.get('trace:t1').status).toBe('loading')
    expect(cache.get('span:t1:s1').status).toBe('loading')
    expect(cache.get('trace:t2')).toEqual({ status: 'success', data: 'other' })
    cache.remove('nothing')
    expect(notified).toBe(before + 2)
  })

  it('records errors and retries them on the next ensure', async () => {
    const cache = new QueryCache()
    let fail = true
    const query = {
      key: 'b',
      load: async () => {
        if (fail) throw new Error('boom')
        return 'ok'
      },
    }
    cache.ensure(query)
    await flush()
    const state = cache.get('b')
    expect(state.status === 'error' && state.error.message).toBe('boom')
    fail = false
    cache.ensure(query)
    await flush()
    expect(cache.get('b')).toEqual({ status: 'success', data: 'ok' })
  })

  it('evicts the least recently used settled entries', async () => {
    const cache = new QueryCache(2)
    for (const key of ['1', '2', '3']) {
      cache.ensure({ key, load: async () => key })
      await flush()
    }
    expect(cache.get('1').status).toBe('loading')
    expect(cache.get('3')).toEqual({ status: 'success', data: '3' })
  })

  it('never evicts an entry someone is showing', async () => {
    const cache = new QueryCache(1)
    const unsubscribe = cache.subscribe(() => {}, 'shown')
    for (const key of ['shown', 'a', 'b']) {
      cache.ensure({ key, load: async () => key })
      await flush()
    }
    expect(cache.get('shown')).toEqual({ status: 'success', data: 'shown' })
    unsubscribe()
  })
})
