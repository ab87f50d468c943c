//! The few file operations the journal needs, behind a trait: [`RealFs`] is the operating system's,
//! [`SimFs`] a simulated disk for tests that can lose what was not synced on a "power cut", write
//! short, run full (`ENOSPC`), fail with `EIO` and fail a sync.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// An open journal file: appends and syncs. It holds the file's exclusive lock until dropped.
pub trait FileHandle: Send + Sync + fmt::Debug {
    /// Writes some of `bytes` at the end; may write fewer than all (a short write).
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize>;
    /// Makes everything written so far durable.
    fn sync(&mut self) -> io::Result<()>;
}

/// The file system as the journal uses it.
pub trait Fs: Send + Sync + fmt::Debug {
    fn create_dir_all(&self, dir: &Path) -> io::Result<()>;
    /// Creates `path`, which must not exist, for appending, and locks it.
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn FileHandle>>;
    /// Opens an existing file for appending and locks it; `WouldBlock` when another holds the lock.
    fn open_append(&self, path: &Path) -> io::Result<Box<dyn FileHandle>>;
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// The files (not folders) in `dir`.
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>>;
    fn modified(&self, path: &Path) -> io::Result<SystemTime>;
    /// Gives the file at `from` the name `to`, failing with `AlreadyExists` when `to` is taken.
    fn rename_new(&self, from: &Path, to: &Path) -> io::Result<()>;
    fn remove(&self, path: &Path) -> io::Result<()>;
    /// Makes the folder's entries (new files, renames) durable.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
}

/// The operating system's file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealFs;

#[derive(Debug)]
struct RealFile(std::fs::File);

impl FileHandle for RealFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.write(bytes)
    }
    fn sync(&mut self) -> io::Result<()> {
        self.0.sync_data()
    }
}

fn lock(file: std::fs::File) -> io::Result<Box<dyn FileHandle>> {
    match file.try_lock() {
        Ok(()) => Ok(Box::new(RealFile(file))),
        Err(std::fs::TryLockError::WouldBlock) => Err(io::ErrorKind::WouldBlock.into()),
        Err(std::fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
            // A file system without locks (some network shares): go on without one.
            Ok(Box::new(RealFile(file)))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

impl Fs for RealFs {
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)
    }
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn FileHandle>> {
        lock(
            std::fs::OpenOptions::new()
                .append(true)
                .create_new(true)
                .open(path)?,
        )
    }
    fn open_append(&self, path: &Path) -> io::Result<Box<dyn FileHandle>> {
        lock(std::fs::OpenOptions::new().append(true).open(path)?)
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        Ok(std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect())
    }
    fn modified(&self, path: &Path) -> io::Result<SystemTime> {
        std::fs::metadata(path)?.modified()
    }
    fn rename_new(&self, from: &Path, to: &Path) -> io::Result<()> {
        // A hard link fails when `to` exists; where links are not supported (FAT, exFAT) the name is
        // checked first.
        match std::fs::hard_link(from, to) {
            Ok(()) => std::fs::remove_file(from),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
            Err(_) if to.exists() => Err(io::ErrorKind::AlreadyExists.into()),
            Err(_) => std::fs::rename(from, to),
        }
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        #[cfg(unix)]
        {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            match std::fs::File::open(dir)?.sync_all() {
                // Some file systems cannot sync a folder; their entries are durable as they are.
                Err(e) if e.kind() == io::ErrorKind::InvalidInput => Ok(()),
                other => other,
            }
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            Ok(())
        }
    }
}

/// How often each fault happens on a [`SimFs`], per operation, in thousandths.
#[derive(Debug, Clone, Copy, Default)]
pub struct Faults {
    /// A write that stores a part of its bytes and then reports `ENOSPC`.
    pub full: u32,
    /// A write that stores a part of its bytes and reports success for that part.
    pub short: u32,
    /// A write that stores nothing and reports `EIO`.
    pub eio: u32,
    /// A sync that fails: what was written stays in the cache, not on the disk.
    pub sync: u32,
    /// A file that cannot be created.
    pub create: u32,
}

#[derive(Debug, Default)]
struct SimFile {
    /// What a reader sees now (the cache).
    data: Vec<u8>,
    /// What is on the disk.
    durable: usize,
    locked: bool,
    /// A logical clock: the order of the last writes.
    modified: u64,
}

#[derive(Debug, Clone, Copy)]
struct SimName {
    inode: u64,
    /// Whether the name is on the disk (its folder was synced since it got it).
    durable: bool,
}

#[derive(Debug)]
struct SimInner {
    names: BTreeMap<PathBuf, SimName>,
    inodes: BTreeMap<u64, SimFile>,
    dirs: Vec<PathBuf>,
    faults: Faults,
    rng: ChaCha8Rng,
    clock: u64,
}

impl SimInner {
    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    fn roll(&mut self, per_thousand: u32) -> bool {
        per_thousand > 0 && self.rng.random_range(0..1000) < per_thousand
    }

    fn file(&mut self, path: &Path) -> io::Result<&mut SimFile> {
        let inode = self.names.get(path).ok_or_else(gone)?.inode;
        self.inodes.get_mut(&inode).ok_or_else(gone)
    }
}

/// A simulated disk in memory (see the module's documentation). Cloning shares the disk.
#[derive(Debug, Clone)]
pub struct SimFs(Arc<Mutex<SimInner>>);

#[derive(Debug)]
struct SimHandle {
    fs: SimFs,
    inode: u64,
}

impl SimFs {
    pub fn new(seed: u64, faults: Faults) -> SimFs {
        SimFs(Arc::new(Mutex::new(SimInner {
            names: BTreeMap::new(),
            inodes: BTreeMap::new(),
            dirs: Vec::new(),
            faults,
            rng: ChaCha8Rng::seed_from_u64(seed),
            clock: 0,
        })))
    }

    fn inner(&self) -> MutexGuard<'_, SimInner> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn set_faults(&self, faults: Faults) {
        self.inner().faults = faults;
    }

    /// Power is cut: every file keeps what was synced, plus (at random) nothing, a part, all, or
    /// zeros in place of what was not; names whose folder was not synced may be gone; locks go.
    /// Returns whether some file was left with a part of its unsynced bytes (a torn tail).
    pub fn power_cut(&self) -> bool {
        let mut g = self.inner();
        let inner = &mut *g;
        let mut torn = false;
        let names: Vec<(PathBuf, SimName)> =
            inner.names.iter().map(|(p, n)| (p.clone(), *n)).collect();
        for (path, name) in names {
            if !name.durable && inner.rng.random_bool(0.5) {
                inner.names.remove(&path);
            } else if let Some(n) = inner.names.get_mut(&path) {
                n.durable = true;
            }
        }
        let live: Vec<u64> = inner.names.values().map(|n| n.inode).collect();
        inner.inodes.retain(|i, _| live.contains(i));
        for f in inner.inodes.values_mut() {
            f.locked = false;
            let extra = f.data.len() - f.durable;
            if extra > 0 {
                let keep = match inner.rng.random_range(0..4) {
                    0 => 0,
                    1 => extra,
                    _ => inner.rng.random_range(0..=extra),
                };
                if keep > 0 && inner.rng.random_bool(0.25) {
                    // Some file systems grow the file before its data arrive: zeros.
                    for b in &mut f.data[f.durable..f.durable + keep] {
                        *b = 0;
                    }
                }
                f.data.truncate(f.durable + keep);
                torn |= keep > 0 && keep < extra;
                f.durable = f.data.len();
            }
        }
        torn
    }

    /// The bytes of a file as a reader sees them now.
    pub fn contents(&self, path: &Path) -> Option<Vec<u8>> {
        self.inner().file(path).ok().map(|f| f.data.clone())
    }

    /// Replaces a file's contents (synced), as an editor or a copy would.
    pub fn put(&self, path: &Path, bytes: &[u8]) {
        let mut g = self.inner();
        let clock = g.tick();
        let inode = match g.names.get(path) {
            Some(n) => n.inode,
            None => {
                g.names.insert(
                    path.to_path_buf(),
                    SimName {
                        inode: clock,
                        durable: true,
                    },
                );
                clock
            }
        };
        let f = g.inodes.entry(inode).or_default();
        f.data = bytes.to_vec();
        f.durable = bytes.len();
        f.modified = clock;
    }

    fn handle(&self, inode: u64) -> Box<dyn FileHandle> {
        Box::new(SimHandle {
            fs: self.clone(),
            inode,
        })
    }
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        if let Some(f) = self.fs.inner().inodes.get_mut(&self.inode) {
            f.locked = false;
        }
    }
}

fn gone() -> io::Error {
    io::Error::new(io::ErrorKind::NotFound, "no such file")
}

fn full() -> io::Error {
    io::Error::new(io::ErrorKind::StorageFull, "no space left on device")
}

impl FileHandle for SimHandle {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let mut g = self.fs.inner();
        let inner = &mut *g;
        let faults = inner.faults;
        if inner.roll(faults.eio) {
            return Err(io::Error::other("input/output error"));
        }
        let is_full = inner.roll(faults.full);
        let short = !is_full && bytes.len() > 1 && inner.roll(faults.short);
        let n = if is_full || short {
            inner
                .rng
                .random_range(if short { 1 } else { 0 }..bytes.len())
        } else {
            bytes.len()
        };
        let clock = inner.tick();
        let f = inner.inodes.get_mut(&self.inode).ok_or_else(gone)?;
        f.data.extend_from_slice(&bytes[..n]);
        f.modified = clock;
        if is_full {
            return Err(full());
        }
        Ok(n)
    }

    fn sync(&mut self) -> io::Result<()> {
        let mut g = self.fs.inner();
        let inner = &mut *g;
        let faults = inner.faults;
        if inner.roll(faults.sync) {
            return Err(io::Error::other("sync failed"));
        }
        let f = inner.inodes.get_mut(&self.inode).ok_or_else(gone)?;
        f.durable = f.data.len();
        Ok(())
    }
}

impl Fs for SimFs {
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        let mut g = self.inner();
        if !g.dirs.iter().any(|d| d == dir) {
            g.dirs.push(dir.to_path_buf());
        }
        Ok(())
    }
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn FileHandle>> {
        let inode = {
            let mut g = self.inner();
            let inner = &mut *g;
            let faults = inner.faults;
            if inner.roll(faults.create) {
                return Err(full());
            }
            if inner.names.contains_key(path) {
                return Err(io::ErrorKind::AlreadyExists.into());
            }
            let inode = inner.tick();
            inner.names.insert(
                path.to_path_buf(),
                SimName {
                    inode,
                    durable: false,
                },
            );
            inner.inodes.insert(
                inode,
                SimFile {
                    locked: true,
                    modified: inode,
                    ..SimFile::default()
                },
            );
            inode
        };
        Ok(self.handle(inode))
    }
    fn open_append(&self, path: &Path) -> io::Result<Box<dyn FileHandle>> {
        let inode = {
            let mut g = self.inner();
            let inode = g.names.get(path).ok_or_else(gone)?.inode;
            let f = g.file(path)?;
            if f.locked {
                return Err(io::ErrorKind::WouldBlock.into());
            }
            f.locked = true;
            inode
        };
        Ok(self.handle(inode))
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.contents(path).ok_or_else(gone)
    }
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        Ok(self
            .inner()
            .names
            .keys()
            .filter(|p| p.parent() == Some(dir))
            .cloned()
            .collect())
    }
    fn modified(&self, path: &Path) -> io::Result<SystemTime> {
        let mut g = self.inner();
        let f = g.file(path)?;
        Ok(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(f.modified))
    }
    fn rename_new(&self, from: &Path, to: &Path) -> io::Result<()> {
        let mut g = self.inner();
        if g.names.contains_key(to) {
            return Err(io::ErrorKind::AlreadyExists.into());
        }
        let mut name = g.names.remove(from).ok_or_else(gone)?;
        name.durable = false;
        g.names.insert(to.to_path_buf(), name);
        Ok(())
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        let mut g = self.inner();
        let name = g.names.remove(path).ok_or_else(gone)?;
        if !g.names.values().any(|n| n.inode == name.inode) {
            g.inodes.remove(&name.inode);
        }
        Ok(())
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        let mut g = self.inner();
        let inner = &mut *g;
        let faults = inner.faults;
        if inner.roll(faults.sync) {
            return Err(io::Error::other("sync failed"));
        }
        for (p, n) in inner.names.iter_mut() {
            if p.parent() == Some(dir) {
                n.durable = true;
            }
        }
        Ok(())
    }
}
