//! The wasm build's allocator: one free list per power-of-two size class, carved from memory
//! that only grows. It replaces Rust's default wasm allocator (dlmalloc), which is about 7 KB of
//! code, 5.5 KB of the package gzipped, and walks bins and chunk headers on every call.
//!
//! A block of class `k` holds `2^k` bytes and starts at a multiple of `min(2^k, 64 KiB)`, so any
//! alignment up to its size (or up to a page) holds. The class is computed again from the
//! `Layout` that `dealloc` and `realloc` receive, so blocks carry no header. A freed block goes
//! to the front of its class's list, whose links are written into the free blocks themselves;
//! blocks are never merged or split once handed out. This suits the client: its allocations
//! repeat the same few sizes call after call (one per stream buffer, event and request), and
//! a class's memory is reused as soon as it is freed. The cost is up to half a block's bytes
//! (the rounding) and memory kept per class at its peak.
//!
//! The bookkeeping is plain Rust over addresses, tested natively against an arena; only the
//! `#[global_allocator]` at the end is wasm-specific.

/// Bytes in a wasm page: memory grows by whole pages.
const PAGE: usize = 65536;
/// The smallest class, 8 bytes: a free block holds the address of the next one.
const MIN_CLASS: u32 = 3;
/// Pages asked for at least, per growth (256 KiB): growing detaches every JavaScript view of
/// the memory, so the glue re-creates them; fewer, larger steps keep that rare.
const MIN_GROWTH_PAGES: usize = 4;

/// The allocator's state: free lists, and the rest of the last memory obtained.
pub(crate) struct Heap {
    /// The first free block of each class, 0 when the list is empty (no block starts at 0: the
    /// memory the heap obtains starts after the module's own data).
    free: [usize; usize::BITS as usize],
    /// The start of the memory not yet carved into blocks.
    next: usize,
    /// The end of the memory obtained so far.
    end: usize,
}

/// The class (log2 of the block size) for `size` bytes aligned to `align`, or `None` if no
/// block can hold them.
#[inline]
fn class(size: usize, align: usize) -> Option<u32> {
    if align > PAGE {
        return None;
    }
    let bytes = size.max(align).max(1 << MIN_CLASS);
    let k = usize::BITS - (bytes - 1).leading_zeros();
    (k < usize::BITS).then_some(k)
}

/// The class of the largest block that starts at `at` (8-byte aligned), is aligned for its class
/// and ends by `to`; `None` when fewer than 8 bytes are left. Never overflows, even at the top of
/// the address space: it compares sizes with the room left, not end addresses.
fn tile(at: usize, to: usize) -> Option<u32> {
    let room = to.checked_sub(at).filter(|&room| room >= 1 << MIN_CLASS)?;
    let mut k = at.trailing_zeros().min(usize::BITS - 1);
    while (1usize << k) > room {
        k -= 1;
    }
    Some(k)
}

impl Heap {
    /// An empty heap, which obtains memory on its first allocation.
    pub(crate) const fn new() -> Self {
        Heap {
            free: [0; usize::BITS as usize],
            next: 0,
            end: 0,
        }
    }

    /// A block for `size` bytes aligned to `align`, or 0 when memory runs out or `align` is over
    /// a page (64 KiB; nothing in the client asks for that). `grow(bytes)`
    /// obtains at least `bytes` more bytes of memory, as the address range it covers (page
    /// aligned; contiguous with the previous range or not).
    ///
    /// # Safety
    /// Every range `grow` returns must be memory this heap alone may write, valid for as long
    /// as the heap is used.
    pub(crate) unsafe fn alloc(
        &mut self,
        size: usize,
        align: usize,
        grow: &mut dyn FnMut(usize) -> Option<(usize, usize)>,
    ) -> usize {
        let Some(k) = class(size, align) else {
            return 0;
        };
        let head = self.free[k as usize];
        if head != 0 {
            // SAFETY: `head` is a free block of this class, which holds the next one's address.
            self.free[k as usize] = unsafe { (head as *const usize).read() };
            return head;
        }
        self.carve(k, grow).unwrap_or(0)
    }

    /// Returns the block at `addr`, allocated for `size` bytes aligned to `align`.
    ///
    /// # Safety
    /// `addr` must come from [`Heap::alloc`] (or [`Heap::realloc`]) of this heap with the same
    /// size class, and not be used afterwards.
    pub(crate) unsafe fn dealloc(&mut self, addr: usize, size: usize, align: usize) {
        if let Some(k) = class(size, align) {
            // SAFETY: the caller returns a block of class `k`, at least a `usize` in size.
            unsafe { self.push(k, addr) };
        }
    }

    /// The block at `addr` resized from `size` to `new_size` bytes: the same block when the
    /// class does not change (or when shrinking finds no memory for a smaller one), else a new
    /// one holding the old contents (0 when memory runs out, leaving the old block as it was).
    ///
    /// # Safety
    /// As for [`Heap::dealloc`], and as for [`Heap::alloc`] about `grow`.
    pub(crate) unsafe fn realloc(
        &mut self,
        addr: usize,
        size: usize,
        align: usize,
        new_size: usize,
        grow: &mut dyn FnMut(usize) -> Option<(usize, usize)>,
    ) -> usize {
        let (Some(old), Some(new)) = (class(size, align), class(new_size, align)) else {
            return 0;
        };
        if old == new {
            return addr;
        }
        // SAFETY: as the caller guarantees for `grow`.
        let new = unsafe { self.alloc(new_size, align, grow) };
        if new == 0 && new_size < size {
            // Shrinking without memory for the smaller block: the old one serves (it is larger
            // and aligned at least as much; freed later into the smaller class, it only wastes
            // space).
            return addr;
        }
        if new != 0 {
            // SAFETY: two distinct blocks, each at least `min(size, new_size)` bytes long.
            unsafe {
                core::ptr::copy_nonoverlapping(
                    addr as *const u8,
                    new as *mut u8,
                    size.min(new_size),
                );
                self.dealloc(addr, size, align);
            }
        }
        new
    }

    /// A new block of class `k` from the memory not yet carved, growing it if needed.
    fn carve(
        &mut self,
        k: u32,
        grow: &mut dyn FnMut(usize) -> Option<(usize, usize)>,
    ) -> Option<usize> {
        let size = 1usize << k;
        let align = size.min(PAGE);
        loop {
            let start = self.next.checked_add(align - 1)? & !(align - 1);
            if let Some(stop) = start.checked_add(size).filter(|&stop| stop <= self.end) {
                self.release(self.next, start);
                self.next = stop;
                return Some(start);
            }
            let want = size.checked_add(align)?.max(MIN_GROWTH_PAGES * PAGE);
            let (from, to) = grow(want)?;
            if from != self.end {
                // Not contiguous: what is left of the old range goes to the free lists.
                self.release(self.next, self.end);
                self.next = from;
            }
            self.end = to;
        }
    }

    /// Puts `from..to` (8-byte aligned) on the free lists, as the largest aligned blocks that
    /// tile it.
    fn release(&mut self, from: usize, to: usize) {
        let mut at = from;
        while let Some(k) = tile(at, to) {
            // SAFETY: `at..at + 2^k` is memory the heap obtained and never handed out, aligned
            // for class `k` (`at` is a multiple of `2^k`).
            unsafe { self.push(k, at) };
            at += 1 << k;
        }
    }

    /// Puts the block at `addr` on the free list of class `k`.
    ///
    /// # Safety
    /// `addr` must be a block of class `k` that nothing else uses.
    unsafe fn push(&mut self, k: u32, addr: usize) {
        // SAFETY: a block of any class holds at least a `usize` and is aligned for one.
        unsafe { (addr as *mut usize).write(self.free[k as usize]) };
        self.free[k as usize] = addr;
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::{Heap, PAGE};
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::UnsafeCell;

    struct Global(UnsafeCell<Heap>);

    // SAFETY: wasm32-unknown-unknown without the atomics feature runs one thread per instance.
    unsafe impl Sync for Global {}

    /// More pages of the module's memory, as an address range. The range must end below 4 GiB
    /// to be expressible in a 32-bit `usize`, so a memory is never grown to its last page: this
    /// is checked before growing, since pages grown and not handed out would be lost for good.
    fn grow(bytes: usize) -> Option<(usize, usize)> {
        let pages = bytes.div_ceil(PAGE);
        let old = core::arch::wasm32::memory_size(0);
        let end = old.checked_add(pages)?.checked_mul(PAGE)?;
        // One thread: the memory is still `old` pages, and grows from there or not at all.
        (core::arch::wasm32::memory_grow(0, pages) == old).then_some((old * PAGE, end))
    }

    // SAFETY: the heap is the only user of the memory it grows (nothing else in the module
    // calls `memory.grow`), and one thread means no concurrent access to it.
    // Not inlined: one copy of each, instead of one per allocation site (2 KB of wasm).
    unsafe impl GlobalAlloc for Global {
        #[inline(never)]
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            unsafe { (*self.0.get()).alloc(layout.size(), layout.align(), &mut grow) as *mut u8 }
        }

        #[inline(never)]
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { (*self.0.get()).dealloc(ptr as usize, layout.size(), layout.align()) }
        }

        #[inline(never)]
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let heap = unsafe { &mut *self.0.get() };
            unsafe {
                heap.realloc(
                    ptr as usize,
                    layout.size(),
                    layout.align(),
                    new_size,
                    &mut grow,
                ) as *mut u8
            }
        }
    }

    #[global_allocator]
    static ALLOCATOR: Global = Global(UnsafeCell::new(Heap::new()));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A heap over an arena of `pages` pages, handed out a few pages at a time, with a gap
    /// now and then (a range not contiguous with the last).
    struct Arena {
        _memory: Vec<u8>,
        base: usize,
        used: usize,
        pages: usize,
        grows: usize,
        holes: Vec<usize>,
    }

    const CANARY: u8 = 0xa5;

    impl Arena {
        fn new(pages: usize) -> Self {
            let memory = vec![0u8; (pages + 1) * PAGE];
            let base = (memory.as_ptr() as usize).next_multiple_of(PAGE);
            Arena {
                _memory: memory,
                base,
                used: 0,
                pages,
                grows: 0,
                holes: Vec::new(),
            }
        }

        /// Whether every hole still holds only the canary.
        fn holes_intact(&self) -> bool {
            self.holes.iter().all(|&hole| {
                let bytes = unsafe { core::slice::from_raw_parts(hole as *const u8, PAGE) };
                bytes.iter().all(|&b| b == CANARY)
            })
        }

        fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
            self.grows += 1;
            if self.grows.is_multiple_of(5) {
                // A hole, which the heap must never hand out: the next range is not contiguous.
                let hole = self.base + self.used;
                unsafe { core::ptr::write_bytes(hole as *mut u8, CANARY, PAGE) };
                self.holes.push(hole);
                self.used += PAGE;
            }
            let want = bytes.div_ceil(PAGE) * PAGE;
            if self.used + want > self.pages * PAGE {
                return None;
            }
            let from = self.base + self.used;
            self.used += want;
            Some((from, from + want))
        }
    }

    /// A xorshift stream, so failures replay.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    #[test]
    fn release_tiles_a_range_exactly_with_aligned_blocks_even_at_the_top_of_memory() {
        let half = 1usize << (usize::BITS - 1);
        let top = usize::MAX & !(PAGE - 1);
        let ranges = [
            (8, 8),
            (8, 16),
            (PAGE - 8, 3 * PAGE),
            (24, 5000),
            (half - 8, half + PAGE),
            (half, half + 4 * PAGE),
            (top - 4 * PAGE, top),
            (top - 8, top),
        ];
        for (from, to) in ranges {
            let mut at = from;
            let mut blocks = 0;
            while let Some(k) = tile(at, to) {
                assert_eq!(
                    at % (1usize << k),
                    0,
                    "{at:#x} is not aligned for class {k}"
                );
                assert!(
                    1usize << k <= to - at,
                    "class {k} at {at:#x} overruns {to:#x}"
                );
                at += 1 << k;
                blocks += 1;
                assert!(
                    blocks <= 2 * usize::BITS,
                    "tiling {from:#x}..{to:#x} does not end"
                );
            }
            assert_eq!(at, to, "tiling {from:#x}..{to:#x} stops short");
        }
    }

    #[test]
    fn classes_round_up_to_a_power_of_two_that_holds_size_and_alignment() {
        assert_eq!(class(0, 1), Some(3));
        assert_eq!(class(1, 1), Some(3));
        assert_eq!(class(8, 8), Some(3));
        assert_eq!(class(9, 1), Some(4));
        assert_eq!(class(3, 32), Some(5));
        assert_eq!(class(65536, 8), Some(16));
        assert_eq!(class(65537, 8), Some(17));
        assert_eq!(class(8, 2 * PAGE), None);
        assert_eq!(class(usize::MAX, 1), None);
        assert_eq!(class(1 << (usize::BITS - 1), 1), Some(usize::BITS - 1));
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_keep_their_bytes_through_alloc_free_and_realloc() {
        let mut arena = Arena::new(1024);
        let mut grow = |bytes: usize| arena.grow(bytes);
        let mut heap = Heap::new();
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        // (address, size, align, fill byte)
        let mut live: Vec<(usize, usize, usize, u8)> = Vec::new();
        let check = |&(addr, size, _, fill): &(usize, usize, usize, u8)| {
            let bytes = unsafe { core::slice::from_raw_parts(addr as *const u8, size) };
            assert!(
                bytes.iter().all(|&b| b == fill),
                "block {addr:#x} ({size} bytes) was overwritten"
            );
        };
        for step in 0..20_000u32 {
            let roll = rng.next();
            if live.is_empty() || (live.len() < 400 && roll.is_multiple_of(2)) {
                let size = match roll % 10 {
                    0 => (rng.next() % 100_000) as usize,
                    1..=3 => (rng.next() % 4096) as usize,
                    _ => (rng.next() % 64) as usize,
                };
                let align = 1usize << (rng.next() % 17);
                let addr = unsafe { heap.alloc(size, align, &mut grow) };
                assert_ne!(addr, 0, "out of memory at step {step}");
                assert_eq!(addr % align, 0);
                let fill = step as u8;
                unsafe { core::ptr::write_bytes(addr as *mut u8, fill, size) };
                live.push((addr, size, align, fill));
            } else {
                let i = (rng.next() as usize) % live.len();
                check(&live[i]);
                if roll.is_multiple_of(2) {
                    let (addr, size, align, _) = live.swap_remove(i);
                    unsafe { heap.dealloc(addr, size, align) };
                } else {
                    let (addr, size, align, fill) = live[i];
                    let new_size = (rng.next() % 10_000) as usize;
                    let new = unsafe { heap.realloc(addr, size, align, new_size, &mut grow) };
                    assert_ne!(new, 0);
                    assert_eq!(new % align, 0);
                    let kept = unsafe {
                        core::slice::from_raw_parts(new as *const u8, size.min(new_size))
                    };
                    assert!(kept.iter().all(|&b| b == fill), "realloc lost the contents");
                    unsafe { core::ptr::write_bytes(new as *mut u8, fill, new_size) };
                    live[i] = (new, new_size, align, fill);
                }
            }
        }
        live.iter().for_each(check);
        assert!(arena.holes.len() > 3, "the test needs holes between ranges");
        assert!(
            arena.holes_intact(),
            "a block was carved from memory `grow` never returned"
        );
        // No two live blocks overlap (each holds at least its size rounded to its class).
        let mut spans: Vec<(usize, usize)> = live
            .iter()
            .map(|&(addr, size, align, _)| (addr, addr + (1usize << class(size, align).unwrap())))
            .collect();
        spans.sort();
        assert!(
            spans.windows(2).all(|w| w[0].1 <= w[1].0),
            "two live blocks overlap"
        );
    }

    #[test]
    fn a_freed_block_is_reused_by_the_next_allocation_of_its_class() {
        let mut arena = Arena::new(16);
        let mut grow = |bytes: usize| arena.grow(bytes);
        let mut heap = Heap::new();
        let a = unsafe { heap.alloc(100, 8, &mut grow) };
        let b = unsafe { heap.alloc(120, 8, &mut grow) };
        assert_ne!(a, b);
        unsafe { heap.dealloc(a, 100, 8) };
        assert_eq!(unsafe { heap.alloc(128, 8, &mut grow) }, a);
        // Growing within the class keeps the block; leaving it moves the contents.
        assert_eq!(unsafe { heap.realloc(b, 120, 8, 128, &mut grow) }, b);
        let c = unsafe { heap.realloc(b, 128, 8, 129, &mut grow) };
        assert_ne!(c, b);
        assert_eq!(unsafe { heap.alloc(65, 8, &mut grow) }, b);
    }

    #[test]
    fn running_out_of_memory_is_a_null_block_and_leaves_the_heap_usable() {
        let mut arena = Arena::new(8);
        let mut grow = |bytes: usize| arena.grow(bytes);
        let mut heap = Heap::new();
        assert_eq!(unsafe { heap.alloc(64 * PAGE, 8, &mut grow) }, 0);
        let small = unsafe { heap.alloc(16, 8, &mut grow) };
        assert_ne!(small, 0);
        let old = unsafe { heap.alloc(PAGE, 8, &mut grow) };
        assert_ne!(old, 0);
        assert_eq!(
            unsafe { heap.realloc(old, PAGE, 8, 64 * PAGE, &mut grow) },
            0
        );
        // Shrinking never fails: with no memory for the smaller block, the old one serves.
        let mut exhausted = |_: usize| None;
        let mut empty = Heap::new();
        assert_eq!(
            unsafe { empty.realloc(old, PAGE, 8, 100, &mut exhausted) },
            old
        );
        assert_eq!(unsafe { heap.alloc(usize::MAX - 3, 1, &mut grow) }, 0);
    }
}
