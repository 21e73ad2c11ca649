//! The wasm build's allocator: one free list per power-of-two size class, carved from memory
//! that only grows. It replaces Rust's default wasm allocator (dlmalloc), which costs several KB
//! of the package gzipped and walks bins and chunk headers on every call.
//!
//! A block of class `k` holds `2^k` bytes and starts at a multiple of `2^k`, so any alignment up
//! to its size holds. The class is computed again from the `Layout` that `dealloc` and `realloc`
//! receive, so blocks carry no header. A freed block goes to the front of its class's list, whose
//! links are written into the free blocks themselves.
//!
//! Small blocks (under a page, 64 KiB) are never merged or split once handed out: the client's
//! small allocations repeat the same few sizes call after call, and a class's memory is reused as
//! soon as it is freed. Blocks of a page or more are buddies: a large request with an empty list
//! splits the smallest larger free block in halves, and a freed block merges with its buddy (the
//! other half of the block of twice its size) whenever that one is free too. So the memory one
//! huge event took (its buffers doubling as they grew) serves any later size, small or large,
//! once it is freed; wasm memory never shrinks, so reusing it is what bounds it. The cost is up
//! to half a block's bytes (the rounding), and small-class memory kept per class at its peak.
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
/// The smallest class whose blocks are buddies (split and merged): a page.
const BUDDY_CLASS: u32 = 16;

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
        if let Some(block) = self.pop(k) {
            return block;
        }
        if k >= BUDDY_CLASS {
            if let Some(block) = self.split(k) {
                return block;
            }
        }
        self.carve(k, grow).unwrap_or(0)
    }

    /// The smallest free block of class `k` or larger, split in halves down to class `k`: the
    /// upper halves go to their lists.
    fn split(&mut self, k: u32) -> Option<usize> {
        let j = (k..usize::BITS).find(|&j| self.free[j as usize] != 0)?;
        let block = self.pop(j)?;
        for i in k..j {
            // SAFETY: the upper half of class `i` of the free block of class `j` at `block` is
            // free memory aligned for class `i`.
            unsafe { self.push(i, block + (1 << i)) };
        }
        Some(block)
    }

    /// Returns the block at `addr`, allocated for `size` bytes aligned to `align`.
    ///
    /// # Safety
    /// `addr` must come from [`Heap::alloc`] (or [`Heap::realloc`]) of this heap with the same
    /// size class, and not be used afterwards.
    pub(crate) unsafe fn dealloc(&mut self, addr: usize, size: usize, align: usize) {
        if let Some(k) = class(size, align) {
            // SAFETY: the caller returns a block of class `k`, which nothing uses any more.
            unsafe { self.release_block(k, addr) };
        }
    }

    /// Puts the free block of class `k` at `addr` on a list, merged with its free buddies.
    ///
    /// # Safety
    /// As for [`Heap::push`].
    #[inline(never)]
    unsafe fn release_block(&mut self, mut k: u32, mut addr: usize) {
        // A buddy on the list of class `k` is a free block of the same size, aligned for it,
        // next to this one: together they are the free block of class `k + 1` that holds both.
        while k >= BUDDY_CLASS && k + 1 < usize::BITS && self.unlink(k, addr ^ (1 << k)) {
            addr &= !(1 << k);
            k += 1;
        }
        // SAFETY: a free block of class `k` (merged or not), as the caller guarantees.
        unsafe { self.push(k, addr) };
    }

    /// The block at `addr` resized from `size` to `new_size` bytes: the same block when the
    /// class does not change, or when it doubles and its buddy is free (the two merge); else a
    /// new one holding the old contents (0 when memory runs out, leaving the old block as it
    /// was; when shrinking finds no memory for a smaller block, the old one).
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
        // A buffer doubling (a `Vec` growing) in the lower half of a free pair keeps its place.
        if old == new
            || (new == old + 1
                && old >= BUDDY_CLASS
                && addr & (1 << old) == 0
                && self.unlink(old, addr + (1 << old)))
        {
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
            // SAFETY: two distinct blocks, each at least `min(size, new_size)` bytes long; the
            // old one is the caller's to give back.
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
        loop {
            let start = self.next.checked_add(size - 1)? & !(size - 1);
            let stop = start.checked_add(size)?;
            if stop <= self.end {
                self.release(self.next, start);
                self.next = stop;
                return Some(start);
            }
            // Small blocks are carved from a free page before the memory grows: so the memory
            // that large blocks gave back serves small ones too.
            if k < BUDDY_CLASS {
                if let Some(page) = self.split(BUDDY_CLASS) {
                    self.release(self.next, self.end);
                    self.next = page;
                    self.end = page + PAGE;
                    continue;
                }
            }
            // Enough for the block if the new range follows the last one, as it does unless
            // something else grew the memory.
            let want = (stop - self.end).max(MIN_GROWTH_PAGES * PAGE);
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
            unsafe { self.release_block(k, at) };
            at += 1 << k;
        }
    }

    /// The first block of the free list of class `k`, taken off it.
    fn pop(&mut self, k: u32) -> Option<usize> {
        let head = self.free[k as usize];
        if head == 0 {
            return None;
        }
        // SAFETY: `head` is a free block of class `k`, which holds the next one's address.
        self.free[k as usize] = unsafe { (head as *const usize).read() };
        Some(head)
    }

    /// Takes the block at `addr` off the free list of class `k`; false if it is not there.
    #[inline(never)]
    fn unlink(&mut self, k: u32, addr: usize) -> bool {
        let mut link: *mut usize = &mut self.free[k as usize];
        loop {
            // SAFETY: `link` is the list's head or the first word of one of its free blocks.
            let at = unsafe { link.read() };
            if at == 0 {
                return false;
            }
            if at == addr {
                // SAFETY: as above; `at` is a free block, whose first word links the next one.
                unsafe { link.write((at as *const usize).read()) };
                return true;
            }
            link = at as *mut usize;
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

    /// Pages of wasm32 memory kept for small growths: a growth for 1 MiB or more that would
    /// leave fewer than these 64 MiB below 4 GiB fails instead. The buffers that grow with
    /// external data reserve their room fallibly (a typed error when it fails), but many small
    /// allocations (a chunk copied in by the glue, an error's message) cannot fail without a
    /// trap: when a huge buffer exhausts memory, they still find room.
    const HEADROOM_PAGES: usize = 1024;

    /// More pages of the module's memory, as an address range. The range must end below 4 GiB
    /// to be expressible in a 32-bit `usize`, so a memory is never grown to its last page: this
    /// is checked before growing, since pages grown and not handed out would be lost for good.
    fn grow(bytes: usize) -> Option<(usize, usize)> {
        let pages = bytes.div_ceil(PAGE);
        let old = core::arch::wasm32::memory_size(0);
        if bytes >= 1 << 20 && old + pages > (1 << 16) - HEADROOM_PAGES {
            return None;
        }
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
            // SAFETY: one thread and no reentrancy (the heap calls nothing that allocates), so
            // this is the only reference to the heap; `grow` hands out pages nothing else uses.
            unsafe { (*self.0.get()).alloc(layout.size(), layout.align(), &mut grow) as *mut u8 }
        }

        #[inline(never)]
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: as in `alloc`; `GlobalAlloc` callers give back a block of this allocator
            // with the layout it was allocated with.
            unsafe { (*self.0.get()).dealloc(ptr as usize, layout.size(), layout.align()) }
        }

        #[inline(never)]
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            // SAFETY: as in `alloc`: the only reference to the heap.
            let heap = unsafe { &mut *self.0.get() };
            // SAFETY: as in `dealloc` for `ptr` and `layout`, and in `alloc` for `grow`.
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

    /// An arena of `pages` pages, handed out a few pages at a time, with a gap now and then (a
    /// range not contiguous with the last).
    struct Arena {
        memory: Vec<u8>,
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
                memory,
                base,
                used: 0,
                pages,
                grows: 0,
                holes: Vec::new(),
            }
        }

        /// The arena's bytes at `addr..addr + len` (which must lie in it).
        fn bytes(&mut self, addr: usize, len: usize) -> &mut [u8] {
            let at = addr - self.memory.as_ptr() as usize;
            &mut self.memory[at..at + len]
        }

        /// Whether every hole still holds only the canary.
        fn holes_intact(&mut self) -> bool {
            let holes = self.holes.clone();
            holes
                .into_iter()
                .all(|hole| self.bytes(hole, PAGE).iter().all(|&b| b == CANARY))
        }

        fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
            self.grows += 1;
            if self.grows.is_multiple_of(5) && self.used + PAGE <= self.pages * PAGE {
                // A hole, which the heap must never hand out: the next range is not contiguous.
                let hole = self.base + self.used;
                self.bytes(hole, PAGE).fill(CANARY);
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

    /// A heap over an arena: its calls, made safe by the arena (every range it hands out is its
    /// own memory, alive as long as the harness) and by the tests (they give back only the blocks
    /// they were given, with their size and alignment).
    struct Harness {
        arena: Arena,
        heap: Heap,
    }

    impl Harness {
        fn new(pages: usize) -> Self {
            Harness {
                arena: Arena::new(pages),
                heap: Heap::new(),
            }
        }

        fn alloc(&mut self, size: usize, align: usize) -> usize {
            let arena = &mut self.arena;
            // SAFETY: `grow` hands out ranges of the arena, which the heap alone writes.
            unsafe { self.heap.alloc(size, align, &mut |bytes| arena.grow(bytes)) }
        }

        fn dealloc(&mut self, addr: usize, size: usize, align: usize) {
            // SAFETY: the tests give back a live block with the layout it was allocated with.
            unsafe { self.heap.dealloc(addr, size, align) }
        }

        fn realloc(&mut self, addr: usize, size: usize, align: usize, new_size: usize) -> usize {
            let arena = &mut self.arena;
            // SAFETY: as for `alloc` and `dealloc`.
            unsafe {
                self.heap
                    .realloc(addr, size, align, new_size, &mut |bytes| arena.grow(bytes))
            }
        }

        /// The bytes of a live block (`addr..addr + len`, in the arena).
        fn bytes(&mut self, addr: usize, len: usize) -> &mut [u8] {
            self.arena.bytes(addr, len)
        }

        /// Pages obtained from the arena so far.
        fn pages(&self) -> usize {
            self.arena.used / PAGE
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
        let mut h = Harness::new(1024);
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        // (address, size, align, fill byte)
        let mut live: Vec<(usize, usize, usize, u8)> = Vec::new();
        let check = |h: &mut Harness, &(addr, size, _, fill): &(usize, usize, usize, u8)| {
            assert!(
                h.bytes(addr, size).iter().all(|&b| b == fill),
                "block {addr:#x} ({size} bytes) was overwritten"
            );
        };
        for step in 0..20_000u32 {
            let roll = rng.next();
            if live.is_empty() || (live.len() < 400 && roll.is_multiple_of(2)) {
                let size = match roll % 10 {
                    0 => (rng.next() % 400_000) as usize,
                    1..=3 => (rng.next() % 4096) as usize,
                    _ => (rng.next() % 64) as usize,
                };
                let align = 1usize << (rng.next() % 17);
                let addr = h.alloc(size, align);
                assert_ne!(addr, 0, "out of memory at step {step}");
                assert_eq!(addr % align, 0);
                let fill = step as u8;
                h.bytes(addr, size).fill(fill);
                live.push((addr, size, align, fill));
            } else {
                let i = (rng.next() as usize) % live.len();
                check(&mut h, &live[i]);
                if roll.is_multiple_of(2) {
                    let (addr, size, align, _) = live.swap_remove(i);
                    h.dealloc(addr, size, align);
                } else {
                    let (addr, size, align, fill) = live[i];
                    // Often a doubling, as a growing `Vec` asks.
                    let new_size = if roll.is_multiple_of(3) {
                        (size * 2).clamp(1, 1 << 20)
                    } else {
                        (rng.next() % 100_000) as usize
                    };
                    let new = h.realloc(addr, size, align, new_size);
                    assert_ne!(new, 0);
                    assert_eq!(new % align, 0);
                    let kept = size.min(new_size);
                    assert!(
                        h.bytes(new, kept).iter().all(|&b| b == fill),
                        "realloc lost the contents"
                    );
                    h.bytes(new, new_size).fill(fill);
                    live[i] = (new, new_size, align, fill);
                }
            }
        }
        for block in &live {
            check(&mut h, block);
        }
        assert!(
            h.arena.holes.len() > 3,
            "the test needs holes between ranges"
        );
        assert!(
            h.arena.holes_intact(),
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
        let mut h = Harness::new(16);
        let a = h.alloc(100, 8);
        let b = h.alloc(120, 8);
        assert_ne!(a, b);
        h.dealloc(a, 100, 8);
        assert_eq!(h.alloc(128, 8), a);
        // Growing within the class keeps the block; leaving it moves the contents.
        assert_eq!(h.realloc(b, 120, 8, 128), b);
        let c = h.realloc(b, 128, 8, 129);
        assert_ne!(c, b);
        assert_eq!(h.alloc(65, 8), b);
    }

    #[test]
    fn memory_freed_by_one_huge_buffer_serves_every_later_size_without_growing() {
        let mut h = Harness::new(2048);
        // A buffer doubling from a page to 16 MiB, as an event's data does, and a copy of it.
        let mut size = PAGE;
        let mut data = h.alloc(size, 1);
        while size < 16 << 20 {
            data = h.realloc(data, size, 1, 2 * size);
            assert_ne!(data, 0);
            size *= 2;
        }
        let copy = h.alloc(size + 1, 1);
        assert_ne!(copy, 0);
        h.dealloc(data, size, 1);
        h.dealloc(copy, size + 1, 1);
        let peak = h.pages();
        // Everything came back: sizes large and small, in any order, fit in what was obtained.
        let mut rng = Rng(7);
        for round in 0..50 {
            let mut live = Vec::new();
            let mut total = 0;
            while total < 8 << 20 {
                let size = (PAGE << (rng.next() % 7)) + (rng.next() % PAGE as u64) as usize;
                let addr = h.alloc(size, 8);
                assert_ne!(addr, 0, "round {round}: out of memory");
                live.push((addr, size));
                total += size;
            }
            for (addr, size) in live {
                h.dealloc(addr, size, 8);
            }
            assert_eq!(h.pages(), peak, "round {round}: memory grew");
        }
        // And merged again into the largest block: the same 32 MiB serves a 32 MiB request.
        let big = h.alloc(32 << 20, 8);
        assert_ne!(big, 0);
        assert_eq!(h.pages(), peak, "the freed halves did not merge back");
    }

    #[test]
    fn small_blocks_are_carved_from_the_pages_a_freed_huge_block_gave_back() {
        let mut h = Harness::new(2048);
        let huge = h.alloc(16 << 20, 8);
        assert_ne!(huge, 0);
        h.dealloc(huge, 16 << 20, 8);
        let peak = h.pages();
        // Small blocks of every class, 6 MiB of them (at most twice that rounded up to their
        // classes): more than the memory left around the huge block.
        let mut rng = Rng(11);
        let mut live = Vec::new();
        let mut total = 0;
        while total < 6 << 20 {
            let size = 1 + (rng.next() % (PAGE as u64 - 1)) as usize;
            let addr = h.alloc(size, 8);
            assert_ne!(addr, 0);
            h.bytes(addr, size).fill(1);
            live.push((addr, size));
            total += size;
        }
        assert_eq!(h.pages(), peak, "small blocks grew the memory");
        for (addr, size) in live {
            h.dealloc(addr, size, 8);
        }
    }

    #[test]
    fn a_doubling_buffer_grows_in_place_when_its_buddy_is_free() {
        let mut h = Harness::new(64);
        // The heap's only memory: one free block of four pages.
        let (from, _) = h.arena.grow(8 * PAGE).unwrap();
        let a = from.next_multiple_of(4 * PAGE);
        h.heap.release(a, a + 4 * PAGE);
        // Split for one page: the page is its lower half, whose buddy is free.
        let b = h.alloc(PAGE, 1);
        assert_eq!(b, a);
        h.bytes(b, PAGE).fill(7);
        assert_eq!(h.realloc(b, PAGE, 1, 2 * PAGE), b);
        assert_eq!(h.realloc(b, 2 * PAGE, 1, 4 * PAGE), b);
        assert!(h.bytes(b, PAGE).iter().all(|&byte| byte == 7));
        // The whole block is in use: a fifth page is memory obtained anew.
        let pages = h.pages();
        assert_ne!(h.alloc(PAGE, 1), 0);
        assert!(h.pages() > pages);
    }

    #[test]
    fn running_out_of_memory_is_a_null_block_and_leaves_the_heap_usable() {
        let mut h = Harness::new(8);
        assert_eq!(h.alloc(64 * PAGE, 8), 0);
        let small = h.alloc(16, 8);
        assert_ne!(small, 0);
        let old = h.alloc(PAGE, 8);
        assert_ne!(old, 0);
        assert_eq!(h.realloc(old, PAGE, 8, 64 * PAGE), 0);
        // Shrinking never fails: with no memory for the smaller block, the old one serves.
        let mut empty = Heap::new();
        // SAFETY: a `grow` that never hands out memory; `old` is a live block of class 16.
        let kept = unsafe { empty.realloc(old, PAGE, 8, 100, &mut |_| None) };
        assert_eq!(kept, old);
        assert_eq!(h.alloc(usize::MAX - 3, 1), 0);
    }
}
