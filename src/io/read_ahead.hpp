#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace tw::io {

// Reads ahead on a thread of its own: `fill(item)` reads and parses the next item there (false
// at the end) while the caller stores the items before it. Items go round in a fixed number of
// batches, so memory stays flat however long the input, and an item keeps the capacity of its
// strings from one round to the next. An exception thrown by `fill` reaches the caller in the
// item's place, after every item before it.
template <typename Item> class ReadAhead {
public:
  using Fill = std::function<bool(Item&)>;

  explicit ReadAhead(Fill fill) : m_fill(std::move(fill)), m_thread([this] { read(); }) {}

  // Stops the reader after the item it is reading, when the caller gave up early.
  ~ReadAhead() {
    {
      const std::lock_guard lock(m_mutex);
      m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
  }

  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  // The next item, valid until the next call; nullptr at the end.
  Item* next() {
    while (true) {
      if (m_current != nullptr) {
        if (m_index < m_current->count) {
          return &m_current->items[m_index++];
        }
        if (m_current->error) {
          std::rethrow_exception(std::exchange(m_current->error, nullptr));
        }
        if (m_current->last) {
          return nullptr;
        }
        {
          const std::lock_guard lock(m_mutex);
          ++m_released;
        }
        m_changed.notify_all();
      }
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [&] { return m_filled > m_taken; });
      m_current = &m_batches[m_taken++ % k_batches];
      m_index = 0;
    }
  }

private:
  static constexpr std::size_t k_batches = 4;
  static constexpr std::size_t k_batch_items = 256;

  struct Batch {
    std::vector<Item> items;
    std::size_t count = 0;
    bool last = false;
    std::exception_ptr error;
  };

  void read() {
    for (std::size_t number = 0;; ++number) {
      {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopping || number - m_released < k_batches; });
        if (m_stopping) {
          return;
        }
      }
      Batch& batch = m_batches[number % k_batches];
      batch.count = 0;
      try {
        while (batch.count < k_batch_items && !batch.last) {
          if (batch.items.size() == batch.count) {
            batch.items.emplace_back();
          }
          if (m_fill(batch.items[batch.count])) {
            ++batch.count;
          } else {
            batch.last = true;
          }
          batch.last = batch.last || m_stopping.load(std::memory_order_relaxed);
        }
      } catch (...) {
        batch.error = std::current_exception();
        batch.last = true;
      }
      {
        const std::lock_guard lock(m_mutex);
        ++m_filled;
      }
      m_changed.notify_all();
      if (batch.last) {
        return;
      }
    }
  }

  Fill m_fill;
  std::array<Batch, k_batches> m_batches;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::size_t m_filled = 0;             // batches the reader has handed over
  std::size_t m_released = 0;           // batches the caller has done with
  std::atomic<bool> m_stopping = false; // set under the mutex, read also without it
  // The caller's side only.
  std::size_t m_taken = 0;
  Batch* m_current = nullptr;
  std::size_t m_index = 0;
  std::thread m_thread; // last: it starts once the rest is ready
};

} // namespace tw::io
